package io.latchkey.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployment's colours as a stylesheet: the pages' content security policy allows no
 * inline styles.
 */
@RestController
class ThemeStylesheet {

	private final BrandingSettings branding;

	ThemeStylesheet(BrandingSettings branding) {
		this.branding = branding;
	}

	@GetMapping(path = "/css/theme.css")
	ResponseEntity<String> theme() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.body(this.branding.stylesheet());
	}

}
