package io.latchkey.datalink;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.chrono.IsoChronology;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.latchkey.shared.KeyedHash;
import io.latchkey.shared.MasterKey;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Second factors: dates of birth read in the forms people type, generated PINs and
 * one-time codes, and their keyed hashes. A plain hash would not do: every date of birth
 * of a century, and every six-digit PIN, can be hashed in a second. The link's id is part
 * of the hashed value, so equal factors of two links hash apart.
 */
@Component
class Factors {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyedHash hash;

	private final List<DateTimeFormatter> dateFormats;

	Factors(MasterKey masterKey, DataLinkSettings settings) {
		this.hash = masterKey.keyedHash("latchkey-data-link-factor");
		this.dateFormats = dateFormats(settings.dateLocale());
	}

	private static List<DateTimeFormatter> dateFormats(Locale locale) {
		String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
				IsoChronology.INSTANCE, locale);
		boolean monthFirst = shortPattern.indexOf('M') < shortPattern.indexOf('d');
		String numeric = monthFirst ? "M/d/uuuu" : "d/M/uuuu";
		return List.of(DateTimeFormatter.ISO_LOCAL_DATE, formatter(numeric, locale),
				formatter(numeric.replace('/', '.'), locale), formatter(numeric.replace('/', '-'), locale),
				formatter("d MMMM uuuu", locale), formatter("d MMM uuuu", locale), formatter("MMMM d uuuu", locale),
				formatter("MMM d uuuu", locale), formatter("d 'de' MMMM 'de' uuuu", locale));
	}

	private static DateTimeFormatter formatter(String pattern, Locale locale) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(pattern)
			.toFormatter(locale)
			.withResolverStyle(java.time.format.ResolverStyle.STRICT);
	}

	/** A date of birth as typed, in ISO form; empty when it is not a date. */
	Optional<LocalDate> dateOfBirth(@Nullable String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String cleaned = typed.trim().replace(",", " ").replaceAll("\\s+", " ");
		for (DateTimeFormatter format : this.dateFormats) {
			try {
				return Optional.of(LocalDate.parse(cleaned, format));
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		return Optional.empty();
	}

	/** The normalised form a factor is hashed in; empty when it cannot be one. */
	Optional<String> normalise(FactorType type, @Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		return switch (type) {
			case DOB -> dateOfBirth(typed).map(LocalDate::toString);
			case PIN, EMAIL_OTP -> {
				String digits = typed.replaceAll("[\\s-]", "");
				yield (digits.matches("\\d{4,10}")) ? Optional.of(digits) : Optional.empty();
			}
		};
	}

	String newPin(int digits) {
		return randomDigits(digits);
	}

	String newOneTimeCode() {
		return randomDigits(6);
	}

	private static String randomDigits(int digits) {
		StringBuilder value = new StringBuilder(digits);
		for (int i = 0; i < digits; i++) {
			value.append(RANDOM.nextInt(10));
		}
		return value.toString();
	}

	String hash(UUID linkId, String normalised) {
		return this.hash.hex(linkId + ":" + normalised);
	}

	/** Whether a typed factor matches a stored hash, in constant time. */
	boolean matches(UUID linkId, FactorType type, @Nullable String typed, @Nullable String storedHash) {
		String expected = (storedHash != null) ? storedHash : hash(linkId, "no factor");
		boolean equal = this.hash.matchesHex(expected, linkId + ":" + normalise(type, typed).orElse("not a factor"));
		return storedHash != null && equal;
	}

}
