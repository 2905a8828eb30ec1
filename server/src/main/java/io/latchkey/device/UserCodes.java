package io.latchkey.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * User codes per RFC 8628 §6.1: eight characters drawn uniformly from twenty consonants
 * (no vowels, so no words; no digits, so nothing to confuse with letters), shown as
 * {@code XXXX-XXXX}; about 34 bits, which the guessing limits make sufficient.
 */
final class UserCodes implements OAuth2TokenGenerator<OAuth2UserCode> {

	static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

	static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Clock clock;

	UserCodes(Clock clock) {
		this.clock = clock;
	}

	@Override
	public @Nullable OAuth2UserCode generate(OAuth2TokenContext context) {
		if (context.getTokenType() == null
				|| !OAuth2ParameterNames.USER_CODE.equals(context.getTokenType().getValue())) {
			return null;
		}
		Instant issuedAt = this.clock.instant();
		Instant expiresAt = issuedAt.plus(context.getRegisteredClient().getTokenSettings().getDeviceCodeTimeToLive());
		return new OAuth2UserCode(next(), issuedAt, expiresAt);
	}

	/**
	 * A fresh code in display form; {@code nextInt} is unbiased, unlike a modulo of a
	 * byte.
	 */
	static String next() {
		StringBuilder code = new StringBuilder(LENGTH + 1);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.insert(LENGTH / 2, '-').toString();
	}

	/**
	 * The display form of what a person typed: case, dashes and spaces do not matter;
	 * anything that cannot be a user code is empty.
	 */
	static Optional<String> normalize(@Nullable String input) {
		if (input == null) {
			return Optional.empty();
		}
		String compact = input.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "");
		if (compact.length() != LENGTH || !compact.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(compact.substring(0, LENGTH / 2) + "-" + compact.substring(LENGTH / 2));
	}

}
