package io.latchkey.datalink;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The data-link pages' texts in the person's language, English or Spanish, from the
 * language the pages chose.
 */
final class PageTexts {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private PageTexts() {
	}

	/** The page language the shared layout chose (switcher, then Accept-Language). */
	static String language(HttpServletRequest request) {
		String language = RequestContextUtils.getLocale(request).getLanguage();
		return ("es".equals(language)) ? "es" : "en";
	}

	static Map<String, String> of(String language) {
		ResourceBundle bundle = ResourceBundle.getBundle("datalink.pages",
				"es".equals(language) ? Locale.of("es") : Locale.ROOT, NO_FALLBACK);
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : bundle.keySet()) {
			texts.put(key, bundle.getString(key));
		}
		return texts;
	}

}
