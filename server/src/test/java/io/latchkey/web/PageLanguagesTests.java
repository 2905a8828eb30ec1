package io.latchkey.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which language a page is in, and what a deployment may brand: a language Latchkey does
 * not speak is never chosen, and a colour that could smuggle CSS is refused at start-up.
 */
class PageLanguagesTests {

	private final PageLanguages languages = new PageLanguages();

	@Test
	void theFirstSpokenLanguageOfAcceptLanguageWins() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "fr-CH, es-MX;q=0.9, en;q=0.8");
		request.addPreferredLocale(Locale.ENGLISH);
		request.addPreferredLocale(Locale.of("es", "MX"));
		request.addPreferredLocale(Locale.of("fr", "CH"));

		assertThat(this.languages.resolveLocale(request)).isEqualTo(Locale.of("es"));
	}

	@Test
	void nothingSpokenMeansEnglish() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addPreferredLocale(Locale.GERMAN);

		assertThat(this.languages.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void theSwitcherIsRememberedAndBeatsTheBrowser() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addPreferredLocale(Locale.ENGLISH);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.languages.setLocale(request, response, Locale.of("es"));

		assertThat(this.languages.resolveLocale(request)).isEqualTo(Locale.of("es"));
		assertThat(response.getHeader("Set-Cookie")).startsWith("latchkey-lang=es;")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
		MockHttpServletRequest next = new MockHttpServletRequest();
		next.addPreferredLocale(Locale.ENGLISH);
		next.setCookies(new Cookie(PageLanguages.COOKIE, "es"));
		assertThat(this.languages.resolveLocale(next)).isEqualTo(Locale.of("es"));
	}

	@Test
	void anUnspokenChoiceIsIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie(PageLanguages.COOKIE, "xx"));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.languages.setLocale(request, response, Locale.FRENCH);

		assertThat(response.getHeader("Set-Cookie")).isNull();
		assertThat(this.languages.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void brandingColoursMustBePlainHexAndLogosHttps() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BrandingSettings("Clinic", null, "red;}body{display:none", "#ffffff", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new BrandingSettings("Clinic",
				URI.create("http://cdn.example/logo.png"), "#123456", "#ffffff", null));
		BrandingSettings branding = new BrandingSettings("Clinic", URI.create("https://cdn.example/logo.png"),
				"#123456", "#ffffff", "help@clinic.example");
		assertThat(branding.logoOrigin()).isEqualTo("https://cdn.example");
		assertThat(branding.stylesheet()).isEqualTo(":root { --brand: #123456; --page: #ffffff; }\n");
	}

}
