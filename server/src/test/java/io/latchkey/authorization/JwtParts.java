package io.latchkey.authorization;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JWT's header and claims in tests, without verifying it.
 */
public final class JwtParts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JwtParts() {
	}

	public static String header(String jwt) {
		return decode(jwt.split("\\.")[0]);
	}

	public static JsonNode claims(String jwt) {
		return JSON.readTree(decode(jwt.split("\\.")[1]));
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

}
