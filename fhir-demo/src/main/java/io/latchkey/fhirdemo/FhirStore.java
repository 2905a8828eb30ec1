package io.latchkey.fhirdemo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.latchkey.resource.PatientCompartment;
import org.jspecify.annotations.Nullable;

/**
 * The demo's resources, read once from the bundled {@code fhir/demo-data.json}, and the
 * few searches the demo answers: {@code _id}, {@code patient} / {@code subject},
 * {@code category} and {@code code} (token: {@code system|code} or {@code code}).
 */
final class FhirStore implements PatientCompartment {

	private final Map<String, Map<String, Map<String, Object>>> byType = new LinkedHashMap<>();

	FhirStore(Map<String, Object> bundle) {
		for (Object entry : (List<?>) bundle.get("entry")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> resource = (Map<String, Object>) ((Map<?, ?>) entry).get("resource");
			this.byType.computeIfAbsent((String) resource.get("resourceType"), (type) -> new LinkedHashMap<>())
				.put((String) resource.get("id"), resource);
		}
	}

	static FhirStore bundled() {
		try (InputStream in = FhirStore.class.getResourceAsStream("/fhir/demo-data.json")) {
			if (in == null) {
				throw new IllegalStateException("fhir/demo-data.json is missing");
			}
			return new FhirStore(JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("fhir/demo-data.json cannot be read", ex);
		}
	}

	boolean knows(String type) {
		return this.byType.containsKey(type);
	}

	Optional<Map<String, Object>> read(String type, String id) {
		return Optional.ofNullable(this.byType.getOrDefault(type, Map.of()).get(id));
	}

	List<Map<String, Object>> search(String type, Map<String, String[]> parameters) {
		return this.byType.getOrDefault(type, Map.of())
			.values()
			.stream()
			.filter((resource) -> parameters.entrySet().stream().allMatch((p) -> matches(resource, p)))
			.toList();
	}

	@Override
	public Optional<String> patientOf(String resourceType, String id) {
		return read(resourceType, id).map(FhirStore::patientOf);
	}

	private static @Nullable String patientOf(Map<String, Object> resource) {
		if ("Patient".equals(resource.get("resourceType"))) {
			return (String) resource.get("id");
		}
		String reference = reference(resource.get("subject"));
		return (reference != null && reference.startsWith("Patient/")) ? reference.substring("Patient/".length())
				: null;
	}

	/** Every value of a parameter must match (AND); commas within one are OR. */
	private static boolean matches(Map<String, Object> resource, Map.Entry<String, String[]> parameter) {
		String name = parameter.getKey();
		for (String value : parameter.getValue()) {
			boolean any = false;
			for (String alternative : value.split(",")) {
				any |= matches(resource, name, alternative);
			}
			if (!any) {
				return false;
			}
		}
		return true;
	}

	private static boolean matches(Map<String, Object> resource, String name, String value) {
		return switch (name.contains(":") ? name.substring(0, name.indexOf(':')) : name) {
			case "_id" -> value.equals(resource.get("id"));
			case "patient", "subject" -> {
				String patient = patientOf(resource);
				yield patient != null && (value.equals(patient) || value.endsWith("Patient/" + patient));
			}
			case "category" -> codings(resource.get("category")).stream().anyMatch((coding) -> token(coding, value));
			case "code" -> codings(resource.get("code")).stream().anyMatch((coding) -> token(coding, value));
			// Result parameters and anything unknown do not narrow the result (lenient
			// FHIR search).
			default -> true;
		};
	}

	private static boolean token(Map<?, ?> coding, String value) {
		int bar = value.indexOf('|');
		if (bar < 0) {
			return value.equals(coding.get("code"));
		}
		return value.substring(0, bar).equals(coding.get("system"))
				&& value.substring(bar + 1).equals(coding.get("code"));
	}

	private static List<Map<?, ?>> codings(@Nullable Object concepts) {
		List<?> list = (concepts instanceof List<?> many) ? many : (concepts != null) ? List.of(concepts) : List.of();
		return list.stream()
			.filter(Map.class::isInstance)
			.map((concept) -> ((Map<?, ?>) concept).get("coding"))
			.filter(List.class::isInstance)
			.flatMap((codings) -> ((List<?>) codings).stream())
			.filter(Map.class::isInstance)
			.<Map<?, ?>>map(Map.class::cast)
			.toList();
	}

	private static @Nullable String reference(@Nullable Object reference) {
		return (reference instanceof Map<?, ?> map && map.get("reference") instanceof String value) ? value : null;
	}

}
