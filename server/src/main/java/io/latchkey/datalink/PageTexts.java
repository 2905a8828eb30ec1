package io.latchkey.datalink;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The data-link pages' texts in the person's language, English or Spanish, from
 * {@code Accept-Language}.
 */
final class PageTexts {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private PageTexts() {
	}

	static String language(HttpServletRequest request) {
		for (Locale locale : java.util.Collections.list(request.getLocales())) {
			String language = locale.getLanguage();
			if ("es".equals(language) || "en".equals(language)) {
				return language;
			}
		}
		return "en";
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
