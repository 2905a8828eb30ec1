package io.latchkey.web;

import java.util.List;
import java.util.Locale;

import io.latchkey.identity.SignedInPerson;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared layout shows on every page: the deployment's branding, the language
 * switcher and, for staff, the console sections they may open.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

	private static final List<String> NAMES = List.of("English", "Español");

	private static final int MAX_QUERY = 1024;

	private final BrandingSettings branding;

	PageModelAdvice(BrandingSettings branding) {
		this.branding = branding;
	}

	@ModelAttribute("brand")
	BrandingSettings brand() {
		return this.branding;
	}

	@ModelAttribute("languages")
	List<Language> languages(HttpServletRequest request) {
		String current = RequestContextUtils.getLocale(request).getLanguage();
		String base = switchBase(request);
		return PageLanguages.SUPPORTED.stream()
			.map((locale) -> new Language(locale.getLanguage(), NAMES.get(PageLanguages.SUPPORTED.indexOf(locale)),
					base, locale.getLanguage().equals(current)))
			.toList();
	}

	@ModelAttribute("viewerRoles")
	List<String> viewerRoles(@Nullable Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return List.of();
		}
		return SignedInPerson.roles(authentication);
	}

	/**
	 * The page again in another language: the address it was asked at, for a GET; a page
	 * that answered a form sets its own ({@code languageBase}).
	 */
	private static String switchBase(HttpServletRequest request) {
		String path = attribute(request, RequestDispatcher.FORWARD_REQUEST_URI, request.getRequestURI());
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
			path = failed;
		}
		String query = attribute(request, RequestDispatcher.FORWARD_QUERY_STRING, request.getQueryString());
		// A long query string is left out: repeated in each link it would fill the
		// response buffer before the page's form asks for its CSRF token.
		if (!"GET".equals(request.getMethod()) || query == null || query.length() > MAX_QUERY) {
			return path;
		}
		try {
			return UriComponentsBuilder.fromUriString(path + "?" + query)
				.replaceQueryParam(PageLanguages.PARAMETER)
				.build()
				.toUriString();
		}
		catch (RuntimeException ex) {
			return path;
		}
	}

	private static @Nullable String attribute(HttpServletRequest request, String name, @Nullable String fallback) {
		return (request.getAttribute(name) instanceof String value) ? value : fallback;
	}

	/**
	 * One entry of the language switcher.
	 */
	record Language(String code, String name, String base, boolean current) {

		/** The address of this page in this language. */
		public String href() {
			return this.base + (this.base.contains("?") ? "&" : "?") + PageLanguages.PARAMETER + "="
					+ this.code.toLowerCase(Locale.ROOT);
		}

	}

}
