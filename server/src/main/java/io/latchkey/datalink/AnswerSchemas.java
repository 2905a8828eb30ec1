package io.latchkey.datalink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Checks answers against what the link's creator asked for: a JSON Schema (draft 2020-12
 * unless the schema names another), or a FHIR {@code Questionnaire}, whose answers come
 * as a {@code QuestionnaireResponse}.
 */
@Component
class AnswerSchemas {

	private static final Map<String, String> ANSWER_TYPES = Map.ofEntries(Map.entry("boolean", "valueBoolean"),
			Map.entry("decimal", "valueDecimal"), Map.entry("integer", "valueInteger"), Map.entry("date", "valueDate"),
			Map.entry("dateTime", "valueDateTime"), Map.entry("time", "valueTime"), Map.entry("string", "valueString"),
			Map.entry("text", "valueString"), Map.entry("url", "valueUri"), Map.entry("quantity", "valueQuantity"));

	/**
	 * Never fetches a document over the network (meta-schemas come from the library), and
	 * caches nothing, so that one link's schema cannot stand in for another's
	 * {@code $id}.
	 */
	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder.schemaCacheEnabled(false)
				.schemaLoader((loader) -> loader.fetchRemoteResources(false)));

	private final Schema metaSchema = this.registry
		.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

	/**
	 * Refuses a schema that cannot check anything, or that would make Latchkey fetch
	 * another document.
	 */
	void requireUsable(JsonNode schema) {
		if (isQuestionnaire(schema)) {
			if (!schema.path("item").isArray()) {
				throw new InvalidDataLinkRequestException("schema: a Questionnaire needs items");
			}
			return;
		}
		if (!schema.isObject()) {
			throw new InvalidDataLinkRequestException("schema must be a JSON Schema object or a FHIR Questionnaire");
		}
		if (hasRemoteReference(schema)) {
			throw new InvalidDataLinkRequestException("schema may only refer to its own parts ($ref starting with #)");
		}
		try {
			if (!this.metaSchema.validate(schema).isEmpty()) {
				throw new InvalidDataLinkRequestException("schema is not a valid JSON Schema");
			}
			this.registry.getSchema(schema);
		}
		catch (SchemaException ex) {
			throw new InvalidDataLinkRequestException("schema is not a valid JSON Schema");
		}
	}

	/** The problems of an answer; none when it satisfies the schema. */
	List<InvalidAnswerException.FieldError> check(JsonNode schema, JsonNode answer) {
		if (isQuestionnaire(schema)) {
			List<InvalidAnswerException.FieldError> errors = new ArrayList<>();
			if (!"QuestionnaireResponse".equals(answer.path("resourceType").asString(""))) {
				errors.add(new InvalidAnswerException.FieldError("/resourceType", "must be QuestionnaireResponse"));
				return errors;
			}
			checkItems(schema.path("item"), answer.path("item"), errors);
			return errors;
		}
		Schema compiled = this.registry.getSchema(schema);
		return compiled.validate(answer).stream().map(AnswerSchemas::fieldError).toList();
	}

	private static InvalidAnswerException.FieldError fieldError(Error error) {
		String at = error.getInstanceLocation().toString().replaceFirst("^\\$", "");
		String field = (error.getProperty() != null) ? at + "/" + error.getProperty() : at;
		return new InvalidAnswerException.FieldError(field.isEmpty() ? "/" : field, error.getMessage());
	}

	private static void checkItems(JsonNode questions, JsonNode answers,
			List<InvalidAnswerException.FieldError> errors) {
		for (JsonNode question : questions) {
			String linkId = question.path("linkId").asString("");
			JsonNode answered = find(answers, linkId);
			String type = question.path("type").asString("");
			if ("group".equals(type)) {
				if (answered != null) {
					checkItems(question.path("item"), answered.path("item"), errors);
				}
				else if (question.path("required").asBoolean(false)) {
					errors.add(new InvalidAnswerException.FieldError(linkId, "is required"));
				}
				continue;
			}
			JsonNode values = (answered != null) ? answered.path("answer") : null;
			if (values == null || !values.isArray() || values.isEmpty()) {
				if (question.path("required").asBoolean(false)) {
					errors.add(new InvalidAnswerException.FieldError(linkId, "is required"));
				}
				continue;
			}
			for (JsonNode value : values) {
				if (!hasType(type, value)) {
					errors.add(new InvalidAnswerException.FieldError(linkId, "must be an answer of type " + type));
				}
			}
		}
	}

	private static boolean hasType(String type, JsonNode value) {
		return switch (type) {
			case "choice", "open-choice", "coding" -> value.has("valueCoding") || value.has("valueString");
			case "boolean" -> value.path("valueBoolean").isBoolean();
			case "integer" -> value.path("valueInteger").isIntegralNumber();
			case "decimal" -> value.path("valueDecimal").isNumber();
			default -> {
				String member = ANSWER_TYPES.get(type);
				yield (member == null) || value.has(member);
			}
		};
	}

	private static @Nullable JsonNode find(JsonNode items, String linkId) {
		for (JsonNode item : items) {
			if (linkId.equals(item.path("linkId").asString(""))) {
				return item;
			}
		}
		return null;
	}

	private static boolean isQuestionnaire(JsonNode schema) {
		return "Questionnaire".equals(schema.path("resourceType").asString(""));
	}

	private static boolean hasRemoteReference(JsonNode node) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				if (("$ref".equals(member.getKey()) || "$dynamicRef".equals(member.getKey())
						|| "$schema".equals(member.getKey()) && false) && member.getValue().isString()
						&& !member.getValue().asString().startsWith("#")) {
					return true;
				}
				if (hasRemoteReference(member.getValue())) {
					return true;
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				if (hasRemoteReference(element)) {
					return true;
				}
			}
		}
		return false;
	}

}
