package io.latchkey.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of every page: the one a person chose with the switcher (kept in a
 * cookie), else the first of theirs in {@code Accept-Language} that Latchkey speaks, else
 * English. A language Latchkey does not speak is never chosen, so {@code <html lang>}
 * always names the language the page is in.
 */
final class PageLanguages implements LocaleResolver {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("es"));

	static final String COOKIE = "latchkey-lang";

	static final String PARAMETER = "lang";

	private static final String CHOSEN = PageLanguages.class.getName() + ".chosen";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		Locale fromCookie = supported(cookie(request));
		if (fromCookie != null) {
			return fromCookie;
		}
		for (Locale asked : Collections.list(request.getLocales())) {
			Locale spoken = supported(asked.getLanguage());
			if (spoken != null) {
				return spoken;
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale spoken = (locale != null) ? supported(locale.getLanguage()) : null;
		if (spoken == null) {
			return;
		}
		request.setAttribute(CHOSEN, spoken);
		if (response != null) {
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(COOKIE, spoken.getLanguage())
						.path("/")
						.maxAge(Duration.ofDays(365))
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Lax")
						.build()
						.toString());
		}
	}

	static @Nullable Locale supported(@Nullable String language) {
		if (language == null) {
			return null;
		}
		for (Locale locale : SUPPORTED) {
			if (locale.getLanguage().equalsIgnoreCase(language)) {
				return locale;
			}
		}
		return null;
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
