package io.latchkey.datalink;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTML form generated from a link's JSON Schema or FHIR {@code Questionnaire}, and
 * the JSON answer read back from the submitted fields. Field names are the answer's paths
 * ({@code contacts.0.phone}) or the items' {@code linkId}s, so that an error about a
 * field is shown next to it.
 */
record AnswerForm(List<Group> groups) {

	/** Rows offered for an array of objects, e.g. close contacts. */
	static final int ARRAY_ROWS = 3;

	static final String FREE_TEXT = "answer";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static AnswerForm of(@Nullable JsonNode schema) {
		List<Group> groups = new ArrayList<>();
		if (schema == null) {
			groups.add(new Group(null, List.of(new Field(FREE_TEXT, null, "textarea", true, List.of()))));
		}
		else if (isQuestionnaire(schema)) {
			List<Field> loose = new ArrayList<>();
			for (JsonNode item : schema.path("item")) {
				if ("group".equals(item.path("type").asString(""))) {
					List<Field> fields = new ArrayList<>();
					item.path("item").forEach((inner) -> fields.add(questionField(inner)));
					groups.add(new Group(item.path("text").asString(null), fields));
				}
				else if (!"display".equals(item.path("type").asString(""))) {
					loose.add(questionField(item));
				}
			}
			groups.add(0, new Group(null, loose));
		}
		else {
			List<Field> loose = new ArrayList<>();
			List<String> required = strings(schema.path("required"));
			for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
				String name = property.getKey();
				JsonNode definition = property.getValue();
				String type = definition.path("type").asString("string");
				if ("object".equals(type)) {
					groups.add(new Group(label(name, definition),
							objectFields(name + ".", definition, required.contains(name))));
				}
				else if ("array".equals(type) && "object".equals(definition.path("items").path("type").asString(""))) {
					for (int row = 0; row < ARRAY_ROWS; row++) {
						groups.add(new Group(label(name, definition) + " " + (row + 1),
								objectFields(name + "." + row + ".", definition.path("items"),
										row == 0 && required.contains(name))));
					}
				}
				else {
					loose.add(schemaField(name, name, definition, required.contains(name)));
				}
			}
			groups.add(0, new Group(null, loose));
		}
		return new AnswerForm(groups.stream().filter((group) -> !group.fields().isEmpty()).toList());
	}

	/** The fields of an object; none is marked required unless the object itself is. */
	private static List<Field> objectFields(String prefix, JsonNode definition, boolean objectRequired) {
		List<String> required = objectRequired ? strings(definition.path("required")) : List.of();
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : definition.path("properties").properties()) {
			if (!property.getValue().isContainer()
					|| property.getValue().path("type").asString("string").matches("string|integer|number|boolean")) {
				fields.add(schemaField(prefix + property.getKey(), property.getKey(), property.getValue(),
						required.contains(property.getKey())));
			}
		}
		return fields;
	}

	private static Field schemaField(String name, String key, JsonNode definition, boolean required) {
		String type = definition.path("type").asString("string");
		List<Option> options = new ArrayList<>();
		definition.path("enum").forEach((value) -> options.add(new Option(value.asString(), value.asString())));
		String input = !options.isEmpty() ? "select" : switch (type) {
			case "integer", "number" -> "number";
			case "boolean" -> "checkbox";
			case "array" -> "textarea";
			default -> "date".equals(definition.path("format").asString("")) ? "date" : "text";
		};
		return new Field(name, label(key, definition), input, required && !"checkbox".equals(input), options);
	}

	private static Field questionField(JsonNode item) {
		String type = item.path("type").asString("string");
		List<Option> options = new ArrayList<>();
		for (JsonNode option : item.path("answerOption")) {
			if (option.has("valueCoding")) {
				JsonNode coding = option.path("valueCoding");
				options.add(new Option(coding.path("code").asString(""),
						coding.path("display").asString(coding.path("code").asString(""))));
			}
			else if (option.path("valueString").isString()) {
				options.add(new Option(option.path("valueString").asString(), option.path("valueString").asString()));
			}
		}
		String input = !options.isEmpty() ? "select" : switch (type) {
			case "integer", "decimal" -> "number";
			case "boolean" -> "checkbox";
			case "date" -> "date";
			case "text" -> "textarea";
			default -> "text";
		};
		return new Field(item.path("linkId").asString(""), item.path("text").asString(item.path("linkId").asString("")),
				input, item.path("required").asBoolean(false) && !"checkbox".equals(input), options);
	}

	/** The answer as JSON, read from the form's fields. */
	static JsonNode answer(@Nullable JsonNode schema, Map<String, String> form) {
		if (schema == null) {
			ObjectNode answer = NODES.objectNode();
			answer.put(FREE_TEXT, form.getOrDefault(FREE_TEXT, ""));
			return answer;
		}
		return isQuestionnaire(schema) ? questionnaireResponse(schema, form) : object("", schema, form);
	}

	private static ObjectNode object(String prefix, JsonNode definition, Map<String, String> form) {
		ObjectNode answer = NODES.objectNode();
		for (Map.Entry<String, JsonNode> property : definition.path("properties").properties()) {
			String name = prefix + property.getKey();
			JsonNode inner = property.getValue();
			String type = inner.path("type").asString("string");
			if ("object".equals(type)) {
				ObjectNode value = object(name + ".", inner, form);
				if (!value.isEmpty()) {
					answer.set(property.getKey(), value);
				}
			}
			else if ("array".equals(type) && "object".equals(inner.path("items").path("type").asString(""))) {
				ArrayNode rows = NODES.arrayNode();
				for (int row = 0; row < ARRAY_ROWS; row++) {
					ObjectNode value = object(name + "." + row + ".", inner.path("items"), form);
					if (!value.isEmpty()) {
						rows.add(value);
					}
				}
				answer.set(property.getKey(), rows);
			}
			else if ("array".equals(type)) {
				ArrayNode lines = NODES.arrayNode();
				form.getOrDefault(name, "")
					.lines()
					.map(String::trim)
					.filter((line) -> !line.isEmpty())
					.forEach((line) -> lines.add(scalar(inner.path("items").path("type").asString("string"), line)));
				answer.set(property.getKey(), lines);
			}
			else if ("boolean".equals(type)) {
				answer.put(property.getKey(), form.containsKey(name));
			}
			else {
				String value = form.getOrDefault(name, "").trim();
				if (!value.isEmpty()) {
					answer.set(property.getKey(), scalar(type, value));
				}
			}
		}
		return answer;
	}

	/**
	 * A typed value; text that is not a number stays text, so the schema names the error.
	 */
	private static JsonNode scalar(String type, String value) {
		try {
			return switch (type) {
				case "integer" -> NODES.numberNode(new BigDecimal(value).toBigIntegerExact());
				case "number" -> NODES.numberNode(new BigDecimal(value));
				default -> NODES.stringNode(value);
			};
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return NODES.stringNode(value);
		}
	}

	private static ObjectNode questionnaireResponse(JsonNode questionnaire, Map<String, String> form) {
		ObjectNode response = NODES.objectNode();
		response.put("resourceType", "QuestionnaireResponse");
		response.put("status", "completed");
		if (questionnaire.path("url").isString()) {
			response.put("questionnaire", questionnaire.path("url").asString());
		}
		response.set("item", questionnaireItems(questionnaire.path("item"), form));
		return response;
	}

	private static ArrayNode questionnaireItems(JsonNode questions, Map<String, String> form) {
		ArrayNode items = NODES.arrayNode();
		for (JsonNode question : questions) {
			String linkId = question.path("linkId").asString("");
			String type = question.path("type").asString("string");
			ObjectNode item = NODES.objectNode();
			item.put("linkId", linkId);
			if ("group".equals(type)) {
				ArrayNode inner = questionnaireItems(question.path("item"), form);
				if (!inner.isEmpty()) {
					item.set("item", inner);
					items.add(item);
				}
				continue;
			}
			String value = form.getOrDefault(linkId, "").trim();
			ObjectNode answer = NODES.objectNode();
			switch (type) {
				case "boolean" -> answer.put("valueBoolean", form.containsKey(linkId));
				case "integer", "decimal" -> {
					if (value.isEmpty()) {
						continue;
					}
					answer.set("integer".equals(type) ? "valueInteger" : "valueDecimal",
							scalar("integer".equals(type) ? "integer" : "number", value));
				}
				case "choice", "open-choice", "coding" -> {
					if (value.isEmpty()) {
						continue;
					}
					JsonNode coding = coding(question, value);
					if (coding != null) {
						answer.set("valueCoding", coding);
					}
					else {
						answer.put("valueString", value);
					}
				}
				default -> {
					if (value.isEmpty()) {
						continue;
					}
					String member = switch (type) {
						case "date" -> "valueDate";
						case "dateTime" -> "valueDateTime";
						case "url" -> "valueUri";
						default -> "valueString";
					};
					answer.put(member, value);
				}
			}
			item.putArray("answer").add(answer);
			items.add(item);
		}
		return items;
	}

	private static @Nullable JsonNode coding(JsonNode question, String code) {
		for (JsonNode option : question.path("answerOption")) {
			if (code.equals(option.path("valueCoding").path("code").asString(null))) {
				return option.path("valueCoding");
			}
		}
		return null;
	}

	private static boolean isQuestionnaire(JsonNode schema) {
		return "Questionnaire".equals(schema.path("resourceType").asString(""));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static String label(String key, JsonNode definition) {
		if (definition.path("title").isString()) {
			return definition.path("title").asString();
		}
		String words = key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	/** Fields under an optional legend. */
	record Group(@Nullable String legend, List<Field> fields) {

	}

	/**
	 * One input.
	 *
	 * @param name the form field's name
	 * @param label what the person reads
	 * @param input {@code text}, {@code number}, {@code date}, {@code checkbox},
	 * {@code select} or {@code textarea}
	 * @param required whether the form demands it
	 * @param options the choices of a {@code select}
	 */
	record Field(String name, @Nullable String label, String input, boolean required, List<Option> options) {

		/** The element id, safe in HTML. */
		public String id() {
			return "f-" + this.name.replaceAll("[^A-Za-z0-9_-]", "-");
		}

	}

	/** A choice. */
	record Option(String value, String label) {

	}

}
