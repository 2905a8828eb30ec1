package io.latchkey.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form on an HTML page, read just well enough to submit login and consent forms the way
 * a browser would.
 *
 * @param id the form's {@code id}, or empty
 * @param action the {@code action} attribute as written (possibly relative)
 * @param method the method, upper case
 * @param inputs the form's {@code input} elements in document order
 */
record HtmlForm(String id, String action, String method, List<Input> inputs) {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern
		.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

	static List<HtmlForm> parseAll(String html) {
		List<HtmlForm> forms = new ArrayList<>();
		Matcher form = FORM.matcher(html);
		while (form.find()) {
			Map<String, String> attributes = attributes(form.group(1));
			List<Input> inputs = new ArrayList<>();
			Matcher input = INPUT.matcher(form.group(2));
			while (input.find()) {
				Map<String, String> inputAttributes = attributes(input.group(1));
				inputs.add(new Input(inputAttributes.getOrDefault("name", ""),
						inputAttributes.getOrDefault("type", "text").toLowerCase(Locale.ROOT),
						inputAttributes.getOrDefault("value", ""), inputAttributes.containsKey("checked")));
			}
			forms.add(new HtmlForm(attributes.getOrDefault("id", ""), attributes.getOrDefault("action", ""),
					attributes.getOrDefault("method", "get").toUpperCase(Locale.ROOT), List.copyOf(inputs)));
		}
		return forms;
	}

	boolean hasInputOfType(String type) {
		return this.inputs.stream().anyMatch((input) -> input.type().equals(type));
	}

	/**
	 * The fields a browser would send without the user typing anything: hidden fields,
	 * checked boxes and the first named submit button.
	 */
	Map<String, List<String>> defaultFields() {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		boolean submitAdded = false;
		for (Input input : this.inputs) {
			if (input.name().isEmpty()) {
				continue;
			}
			boolean send = switch (input.type()) {
				case "hidden" -> true;
				case "checkbox", "radio" -> input.checked();
				case "submit" -> !submitAdded;
				default -> false;
			};
			if (send) {
				submitAdded |= input.type().equals("submit");
				fields.computeIfAbsent(input.name(), (name) -> new ArrayList<>()).add(input.value());
			}
		}
		return fields;
	}

	private static Map<String, String> attributes(String text) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(text);
		while (attribute.find()) {
			String value = (attribute.group(2) != null) ? attribute.group(2) : (attribute.group(3) != null)
					? attribute.group(3) : (attribute.group(4) != null) ? attribute.group(4) : "";
			attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), unescape(value));
		}
		return attributes;
	}

	static String unescape(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
		while (entity.find()) {
			String name = entity.group(1);
			String replacement = switch (name) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> Character.toString(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
						: Integer.parseInt(name.substring(1)));
			};
			entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		entity.appendTail(out);
		return out.toString();
	}

	/**
	 * One {@code input} element.
	 *
	 * @param name the field name, or empty
	 * @param type the type, lower case
	 * @param value the initial value
	 * @param checked whether a checkbox or radio button starts checked
	 */
	record Input(String name, String type, String value, boolean checked) {

	}

}
