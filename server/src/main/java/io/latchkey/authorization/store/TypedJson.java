package io.latchkey.authorization.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes plain maps of claims, metadata and attributes as JSON and reads them back with
 * the Java types the library expects ({@link Instant}, {@link Date}, {@link URL}, sets).
 */
final class TypedJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String INSTANT = "$instant";

	private static final String DATE = "$date";

	private static final String URL_VALUE = "$url";

	private static final String URI_VALUE = "$uri";

	private static final String SET = "$set";

	private static final String ARRAY = "$array";

	private TypedJson() {
	}

	static @Nullable String write(@Nullable Map<String, ?> values) {
		if (values == null) {
			return null;
		}
		return JSON.writeValueAsString(encode(values));
	}

	static String writeValue(Object value) {
		return JSON.writeValueAsString(encode(value));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> read(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return new LinkedHashMap<>();
		}
		return (Map<String, Object>) decode(JSON.readValue(json, Object.class));
	}

	static @Nullable Object readValue(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		return decode(JSON.readValue(json, Object.class));
	}

	private static @Nullable Object encode(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof Double || value instanceof Float || value instanceof Short
				|| value instanceof BigInteger || value instanceof BigDecimal) {
			return value;
		}
		if (value instanceof Instant instant) {
			return Map.of(INSTANT, instant.toString());
		}
		if (value instanceof Date date) {
			return Map.of(DATE, date.toInstant().toString());
		}
		if (value instanceof URL url) {
			return Map.of(URL_VALUE, url.toString());
		}
		if (value instanceof URI uri) {
			return Map.of(URI_VALUE, uri.toString());
		}
		if (value instanceof Set<?> set) {
			return Map.of(SET, set.stream().map(TypedJson::encode).toList());
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>();
			collection.forEach((element) -> list.add(encode(element)));
			return list;
		}
		if (value instanceof Object[] array) {
			List<Object> list = new ArrayList<>();
			for (Object element : array) {
				list.add(encode(element));
			}
			return Map.of(ARRAY, list);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> encoded = new LinkedHashMap<>();
			map.forEach((key, element) -> encoded.put(String.valueOf(key), encode(element)));
			return encoded;
		}
		// Only the type is named: the value may be a secret.
		throw new IllegalArgumentException("The authorization store cannot keep a value of type " + value.getClass());
	}

	private static @Nullable Object decode(@Nullable Object value) {
		if (value instanceof List<?> list) {
			List<Object> decoded = new ArrayList<>();
			list.forEach((element) -> decoded.add(decode(element)));
			return decoded;
		}
		if (!(value instanceof Map<?, ?> map)) {
			return value;
		}
		if (map.size() == 1) {
			Map.Entry<?, ?> entry = map.entrySet().iterator().next();
			Object inner = entry.getValue();
			switch (String.valueOf(entry.getKey())) {
				case INSTANT:
					return Instant.parse((String) inner);
				case DATE:
					return Date.from(Instant.parse((String) inner));
				case URL_VALUE:
					try {
						return URI.create((String) inner).toURL();
					}
					catch (MalformedURLException ex) {
						throw new IllegalStateException("Stored URL is malformed", ex);
					}
				case URI_VALUE:
					return URI.create((String) inner);
				case SET:
					Set<Object> set = new LinkedHashSet<>();
					((List<?>) inner).forEach((element) -> set.add(decode(element)));
					return set;
				case ARRAY:
					List<?> elements = (List<?>) decode(inner);
					return elements.stream().allMatch(String.class::isInstance) ? elements.toArray(new String[0])
							: elements.toArray();
				default:
					break;
			}
		}
		Map<String, Object> decoded = new LinkedHashMap<>();
		map.forEach((key, element) -> decoded.put(String.valueOf(key), decode(element)));
		return decoded;
	}

}
