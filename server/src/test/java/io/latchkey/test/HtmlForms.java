package io.latchkey.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the named inputs of one form of a page, as a browser would submit them.
 */
public final class HtmlForms {

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("\\b(name|value|type|checked)(?:=\"([^\"]*)\")?",
			Pattern.CASE_INSENSITIVE);

	private HtmlForms() {
	}

	/** A form body as a browser sends it, repeating a name for each of its values. */
	public static String encode(Map<String, List<String>> form) {
		return form.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((value) -> enc(entry.getKey()) + "=" + enc(value)))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The inputs of the form with this id, or of the whole page when none has it. */
	public static Map<String, List<String>> inputs(String html, String formId) {
		int start = html.indexOf("<form id=\"" + formId + "\"");
		String form = (start < 0) ? html : html.substring(start, html.indexOf("</form>", start));
		Map<String, List<String>> values = new LinkedHashMap<>();
		Matcher inputs = INPUT.matcher(form);
		while (inputs.find()) {
			Map<String, String> attributes = new LinkedHashMap<>();
			Matcher matcher = ATTRIBUTE.matcher(inputs.group());
			while (matcher.find()) {
				attributes.put(matcher.group(1).toLowerCase(), (matcher.group(2) != null) ? matcher.group(2) : "");
			}
			if (!attributes.containsKey("name")
					|| ("checkbox".equals(attributes.get("type")) && !attributes.containsKey("checked"))) {
				continue;
			}
			values.computeIfAbsent(attributes.get("name"), (name) -> new ArrayList<>())
				.add(attributes.getOrDefault("value", ""));
		}
		return values;
	}

}
