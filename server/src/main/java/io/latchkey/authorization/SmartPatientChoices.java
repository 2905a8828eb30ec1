package io.latchkey.authorization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

/**
 * The patient a person picked for one authorization request, kept in their browser
 * session: the authorization request then names it in {@link #PARAMETER}, and only a pick
 * made in this session counts, so a client cannot choose for the person. A request is
 * known by its client, redirect URI, state, PKCE challenge and scope.
 */
final class SmartPatientChoices {

	/** The authorization request parameter that carries the picked patient. */
	static final String PARAMETER = "smart_patient";

	static final String LAUNCH_PATIENT = "launch/patient";

	private static final String SESSION_ATTRIBUTE = SmartPatientChoices.class.getName();

	/** Enough for a few tabs; the oldest picks go first. */
	private static final int MAX_REMEMBERED = 20;

	private SmartPatientChoices() {
	}

	static boolean asksForPatientContext(@Nullable String scope) {
		return scope != null && Arrays.asList(scope.split(" ")).contains(LAUNCH_PATIENT);
	}

	/** Which request a set of parameters is, whatever the order of the others. */
	static String requestKey(Function<String, @Nullable String> parameters) {
		StringBuilder identity = new StringBuilder();
		for (String name : new String[] { OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.REDIRECT_URI,
				OAuth2ParameterNames.STATE, PkceParameterNames.CODE_CHALLENGE, OAuth2ParameterNames.SCOPE }) {
			identity.append(Objects.requireNonNullElse(parameters.apply(name), "")).append('\n');
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(identity.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The parameters as a query string, without those named. */
	static String query(Map<String, String[]> parameters, String... without) {
		List<String> skipped = List.of(without);
		StringJoiner query = new StringJoiner("&");
		parameters.forEach((name, values) -> {
			if (!skipped.contains(name)) {
				for (String value : values) {
					query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
							+ URLEncoder.encode(value, StandardCharsets.UTF_8));
				}
			}
		});
		return query.toString();
	}

	static void remember(HttpSession session, String requestKey, String patient) {
		Map<String, String> choices = choices(session);
		if (choices.size() >= MAX_REMEMBERED) {
			choices.clear();
		}
		choices.put(requestKey, patient);
		session.setAttribute(SESSION_ATTRIBUTE, choices);
	}

	static @Nullable String picked(@Nullable HttpSession session, String requestKey) {
		return (session != null) ? choices(session).get(requestKey) : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> choices(HttpSession session) {
		Object stored = session.getAttribute(SESSION_ATTRIBUTE);
		return (stored instanceof Map<?, ?> map) ? new HashMap<>((Map<String, String>) map) : new HashMap<>();
	}

}
