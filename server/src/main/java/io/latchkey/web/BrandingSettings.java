package io.latchkey.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pages look for one deployment.
 *
 * @param organisationName the name in the page header and title
 * @param logoUrl an image shown beside the name; another site's image is allowed by the
 * pages' content security policy
 * @param primaryColour buttons and links, as {@code #rrggbb}; it must contrast with white
 * text (WCAG AA, 4.5:1)
 * @param backgroundColour the page background, as {@code #rrggbb}
 * @param supportContact how people reach help, shown at the foot of every page
 */
@ConfigurationProperties("latchkey.branding")
record BrandingSettings(@DefaultValue("Latchkey") String organisationName, @Nullable URI logoUrl,
		@DefaultValue("#1f5fbf") String primaryColour, @DefaultValue("#f3f5f8") String backgroundColour,
		@Nullable String supportContact) {

	private static final String COLOUR = "#[0-9a-fA-F]{6}";

	BrandingSettings {
		if (!primaryColour.matches(COLOUR) || !backgroundColour.matches(COLOUR)) {
			throw new IllegalArgumentException("latchkey.branding colours must be written #rrggbb");
		}
		if (logoUrl != null && logoUrl.isAbsolute() && !"https".equals(logoUrl.getScheme())) {
			throw new IllegalArgumentException("latchkey.branding.logo-url must be an https URL or a path");
		}
		if (organisationName.isBlank()) {
			throw new IllegalArgumentException("latchkey.branding.organisation-name must not be blank");
		}
	}

	/**
	 * The origin a logo on another site is loaded from, for the content security policy.
	 */
	@Nullable String logoOrigin() {
		if (this.logoUrl == null || !this.logoUrl.isAbsolute() || this.logoUrl.getHost() == null) {
			return null;
		}
		return this.logoUrl.getScheme() + "://" + this.logoUrl.getRawAuthority();
	}

	/** The stylesheet that applies the colours; the values were checked above. */
	String stylesheet() {
		return ":root { --brand: " + this.primaryColour + "; --page: " + this.backgroundColour + "; }\n";
	}

}
