package io.latchkey.datalink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A payload as a person reads it: a FHIR {@code Observation} as a result with its value,
 * unit, reference range, interpretation and date; a {@code DiagnosticReport} with its
 * observations (contained, or in the same {@code Bundle}); any other JSON as a definition
 * list.
 */
record PayloadView(List<Section> sections) {

	private static final int MAX_ENTRIES = 2000;

	static PayloadView of(JsonNode payload) {
		Map<String, JsonNode> resources = new HashMap<>();
		index(payload, resources);
		List<Section> sections = new ArrayList<>();
		String type = payload.path("resourceType").asString("");
		if ("Bundle".equals(type)) {
			Set<JsonNode> shown = new HashSet<>();
			List<JsonNode> entries = new ArrayList<>();
			payload.path("entry").forEach((entry) -> entries.add(entry.path("resource")));
			for (JsonNode resource : entries) {
				if ("DiagnosticReport".equals(resource.path("resourceType").asString(""))) {
					sections.add(report(resource, resources, shown));
				}
			}
			for (JsonNode resource : entries) {
				String kind = resource.path("resourceType").asString("");
				if ("Observation".equals(kind) && !shown.contains(resource)) {
					sections.add(new ResultList(results(resource)));
				}
				else if (!"DiagnosticReport".equals(kind) && resource.isObject()) {
					sections.add(Details.of(kind, resource));
				}
			}
		}
		else if ("DiagnosticReport".equals(type)) {
			sections.add(report(payload, resources, new HashSet<>()));
		}
		else if ("Observation".equals(type)) {
			sections.add(new ResultList(results(payload)));
		}
		else {
			sections.add(Details.of(null, payload));
		}
		return new PayloadView(sections);
	}

	private static void index(JsonNode payload, Map<String, JsonNode> resources) {
		payload.path("contained")
			.forEach((resource) -> put(resources, resource, "#" + resource.path("id").asString("")));
		for (JsonNode entry : payload.path("entry")) {
			JsonNode resource = entry.path("resource");
			if (entry.path("fullUrl").isString()) {
				put(resources, resource, entry.path("fullUrl").asString());
			}
			put(resources, resource,
					resource.path("resourceType").asString("") + "/" + resource.path("id").asString(""));
			resource.path("contained")
				.forEach((contained) -> put(resources, contained, "#" + contained.path("id").asString("")));
		}
	}

	private static void put(Map<String, JsonNode> resources, JsonNode resource, String key) {
		if (resource.isObject()) {
			resources.putIfAbsent(key, resource);
		}
	}

	private static Report report(JsonNode report, Map<String, JsonNode> resources, Set<JsonNode> shown) {
		List<Result> results = new ArrayList<>();
		for (JsonNode reference : report.path("result")) {
			String target = reference.path("reference").asString("");
			JsonNode observation = report.path("contained").isArray() ? contained(report, target) : null;
			if (observation == null) {
				observation = resources.get(target);
			}
			if (observation != null) {
				shown.add(observation);
				results.addAll(results(observation));
			}
			else if (reference.path("display").isString()) {
				results.add(new Result(reference.path("display").asString(), null, null, null, null, null));
			}
		}
		return new Report(text(report.path("code"), "Report"), date(report), optional(report, "conclusion"),
				optional(report, "status"), results);
	}

	private static @Nullable JsonNode contained(JsonNode report, String reference) {
		for (JsonNode resource : report.path("contained")) {
			if (reference.equals("#" + resource.path("id").asString(""))) {
				return resource;
			}
		}
		return null;
	}

	private static List<Result> results(JsonNode observation) {
		List<Result> results = new ArrayList<>();
		String name = text(observation.path("code"), "Result");
		String value = value(observation);
		if (value != null || !observation.path("component").isArray()) {
			results.add(new Result(name, value, range(observation), interpretation(observation), date(observation),
					optional(observation, "status")));
		}
		for (JsonNode component : observation.path("component")) {
			results.add(new Result(name + ": " + text(component.path("code"), ""), value(component), range(component),
					interpretation(component), date(observation), optional(observation, "status")));
		}
		return results;
	}

	private static @Nullable String value(JsonNode node) {
		if (node.has("valueQuantity")) {
			return quantity(node.path("valueQuantity"));
		}
		if (node.has("valueCodeableConcept")) {
			return text(node.path("valueCodeableConcept"), null);
		}
		for (String member : List.of("valueString", "valueBoolean", "valueInteger", "valueDateTime", "valueTime")) {
			if (node.path(member).isValueNode()) {
				return node.path(member).asString();
			}
		}
		if (node.has("valueRange")) {
			return between(node.path("valueRange"));
		}
		return null;
	}

	private static @Nullable String range(JsonNode node) {
		JsonNode range = node.path("referenceRange").path(0);
		if (range.isMissingNode()) {
			return null;
		}
		if (range.has("low") || range.has("high")) {
			return between(range);
		}
		return optional(range, "text");
	}

	private static @Nullable String between(JsonNode range) {
		String low = range.has("low") ? quantity(range.path("low")) : null;
		String high = range.has("high") ? quantity(range.path("high")) : null;
		if (low != null && high != null) {
			return low + " – " + high;
		}
		return (low != null) ? "≥ " + low : (high != null) ? "≤ " + high : null;
	}

	private static @Nullable String interpretation(JsonNode node) {
		JsonNode interpretation = node.path("interpretation").path(0);
		return interpretation.isMissingNode() ? null : text(interpretation, null);
	}

	private static @Nullable String date(JsonNode node) {
		for (String member : List.of("effectiveDateTime", "effectiveInstant", "issued")) {
			if (node.path(member).isString()) {
				return node.path(member).asString();
			}
		}
		JsonNode start = node.path("effectivePeriod").path("start");
		return start.isString() ? start.asString() : null;
	}

	private static String quantity(JsonNode quantity) {
		String value = quantity.path("value").asString("");
		String comparator = quantity.path("comparator").asString("");
		String unit = quantity.path("unit").isString() ? quantity.path("unit").asString()
				: quantity.path("code").asString("");
		return (comparator + value + (unit.isEmpty() ? "" : " " + unit)).trim();
	}

	private static String text(JsonNode concept, @Nullable String otherwise) {
		if (concept.path("text").isString()) {
			return concept.path("text").asString();
		}
		JsonNode coding = concept.path("coding").path(0);
		if (coding.path("display").isString()) {
			return coding.path("display").asString();
		}
		if (coding.path("code").isValueNode()) {
			return coding.path("code").asString();
		}
		return (otherwise != null) ? otherwise : "";
	}

	private static @Nullable String optional(JsonNode node, String member) {
		return node.path(member).isValueNode() ? node.path(member).asString() : null;
	}

	/** One part of the page. */
	sealed interface Section permits ResultList, Report, Details {

		/** {@code results}, {@code report} or {@code details}, for the template. */
		String kind();

	}

	/** Observations shown as results. */
	record ResultList(List<Result> results) implements Section {

		@Override
		public String kind() {
			return "results";
		}

	}

	/** One measured or observed value. */
	record Result(String name, @Nullable String value, @Nullable String range, @Nullable String interpretation,
			@Nullable String date, @Nullable String status) {

	}

	/** A diagnostic report with its results. */
	record Report(String title, @Nullable String date, @Nullable String conclusion, @Nullable String status,
			List<Result> results) implements Section {

		@Override
		public String kind() {
			return "report";
		}

	}

	/** Any other JSON, as nested name–value pairs. */
	record Details(@Nullable String title, List<Entry> entries) implements Section {

		static Details of(@Nullable String title, JsonNode node) {
			int[] budget = { MAX_ENTRIES };
			return new Details(title, entries(node, budget));
		}

		private static List<Entry> entries(JsonNode node, int[] budget) {
			List<Entry> entries = new ArrayList<>();
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> member : node.properties()) {
					if (budget[0]-- <= 0) {
						break;
					}
					entries.add(entry(member.getKey(), member.getValue(), budget));
				}
			}
			else if (node.isArray()) {
				int index = 1;
				for (JsonNode element : node) {
					if (budget[0]-- <= 0) {
						break;
					}
					entries.add(entry(Integer.toString(index++), element, budget));
				}
			}
			else {
				entries.add(new Entry("", node.asString(), List.of()));
			}
			return entries;
		}

		private static Entry entry(String name, JsonNode value, int[] budget) {
			if (value.isContainer()) {
				return new Entry(name, null, entries(value, budget));
			}
			return new Entry(name, value.isNull() ? "" : value.asString(), List.of());
		}

		@Override
		public String kind() {
			return "details";
		}

	}

	/** A name with a value or with nested entries. */
	record Entry(String name, @Nullable String value, List<Entry> children) {

	}

}
