package io.latchkey.test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.latchkey.shared.Secrets;
import io.latchkey.test.TestHttp.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Drives the authorization-code flow with PKCE (RFC 7636) as a browser and an app would:
 * sign in on the login page, approve on the consent page when it comes, take the code
 * from the redirect, and exchange it at the token endpoint.
 */
public final class AuthorizationCodeFlow {

	public static final String DEMO_CLIENT = "demo-app";

	/**
	 * A loopback redirect of the demo client; the port is free to choose (RFC 8252 §7.3).
	 */
	public static final String DEMO_REDIRECT_URI = "http://127.0.0.1:53682/callback";

	/**
	 * What a browser asks for when it follows a link; without it the server takes the
	 * caller for an API client.
	 */
	private static final String[] ACCEPT_HTML = { "Accept", "text/html" };

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("\\b(name|value|type|checked)(?:=\"([^\"]*)\")?",
			Pattern.CASE_INSENSITIVE);

	private final TestHttp http;

	private int consentPages;

	private @Nullable String lastConsentPage;

	public AuthorizationCodeFlow(TestHttp http) {
		this.http = http;
	}

	/** How many consent pages this flow has approved so far. */
	public int consentPages() {
		return this.consentPages;
	}

	/** The HTML of the consent page approved last, if any. */
	public @Nullable String lastConsentPage() {
		return this.lastConsentPage;
	}

	/**
	 * Signs in to {@code demo-app} and exchanges the code; fails unless tokens come back.
	 */
	public Tokens signIn(String username, String password, String scope, String... tokenRequestHeaders) {
		Authorization authorization = authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, scope, username, password);
		Response response = exchange(authorization, tokenRequestHeaders);
		if (response.status() != 200) {
			throw new IllegalStateException("code exchange failed: " + response);
		}
		return Tokens.of(response);
	}

	/**
	 * Runs the browser part in a fresh cookie jar and returns the authorization code.
	 */
	public Authorization authorize(String clientId, String redirectUri, String scope, String username,
			String password) {
		return authorize(clientId, redirectUri, scope, username, password, Map.of());
	}

	/**
	 * As {@link #authorize(String, String, String, String, String)}, with more request
	 * parameters (SMART's {@code aud}, for one).
	 */
	public Authorization authorize(String clientId, String redirectUri, String scope, String username, String password,
			Map<String, String> moreParameters) {
		TestHttp browser = this.http.withCookies();
		String verifier = Secrets.random(32);
		String state = Secrets.random(16);
		Map<String, String> parameters = TestHttp.params("response_type", "code", "client_id", clientId, "redirect_uri",
				redirectUri, "scope", scope, "state", state, "code_challenge", challenge(verifier),
				"code_challenge_method", "S256");
		parameters.putAll(moreParameters);
		String authorize = "/oauth2/authorize?" + TestHttp.form(parameters);
		Response response = expectRedirect(browser.get(authorize, ACCEPT_HTML), "authorization request");
		if (!path(response.header("Location")).equals("/login")) {
			throw new IllegalStateException("expected the login page, got " + response.header("Location"));
		}
		Response loginPage = browser.get(response.header("Location"), ACCEPT_HTML);
		Map<String, List<String>> login = inputs(loginPage.body());
		response = expectRedirect(browser.postForm("/login",
				TestHttp.params("username", username, "password", password, "_csrf", login.get("_csrf").get(0))),
				"sign-in");
		for (int hops = 0; hops < 5; hops++) {
			String location = response.header("Location");
			if (location.startsWith(redirectUri + "?")) {
				Map<String, String> query = query(location);
				if (!state.equals(query.get("state"))) {
					throw new IllegalStateException("state did not come back: " + location);
				}
				if (query.get("code") == null) {
					throw new IllegalStateException("no code in the redirect: " + location);
				}
				return new Authorization(clientId, redirectUri, query.get("code"), verifier);
			}
			if (path(location).equals("/oauth2/consent")) {
				this.consentPages++;
				Response consentPage = browser.get(location, ACCEPT_HTML);
				this.lastConsentPage = consentPage.body();
				response = expectRedirect(approve(browser, consentPage), "consent");
			}
			else {
				response = expectRedirect(browser.get(location, ACCEPT_HTML), "redirect to " + path(location));
			}
		}
		throw new IllegalStateException("too many redirects");
	}

	/** Exchanges a code; for a public client the client_id goes in the body. */
	public Response exchange(Authorization authorization, String... headers) {
		Map<String, String> form = TestHttp.params("grant_type", "authorization_code", "code", authorization.code(),
				"redirect_uri", authorization.redirectUri(), "code_verifier", authorization.codeVerifier());
		if (!hasHeader(headers, "Authorization")) {
			form.put("client_id", authorization.clientId());
		}
		return this.http.postForm("/oauth2/token", form, headers);
	}

	/** A refresh-token request of a public client (client_id in the body). */
	public Response refresh(String clientId, String refreshToken, String... headers) {
		return this.http.postForm("/oauth2/token",
				TestHttp.params("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId),
				headers);
	}

	private static Response approve(TestHttp browser, Response consentPage) {
		if (consentPage.status() != 200) {
			throw new IllegalStateException("consent page: " + consentPage.status());
		}
		String body = consentPage.body();
		int start = body.indexOf("<form id=\"consent\"");
		String form = body.substring(start, body.indexOf("</form>", start));
		List<String> pairs = new ArrayList<>();
		Matcher inputs = INPUT.matcher(form);
		while (inputs.find()) {
			Map<String, String> attributes = attributes(inputs.group());
			if ("checkbox".equals(attributes.get("type")) && !attributes.containsKey("checked")) {
				continue;
			}
			if (attributes.containsKey("name")) {
				pairs.add(enc(attributes.get("name")) + "=" + enc(attributes.getOrDefault("value", "")));
			}
		}
		return browser.post("/oauth2/authorize", "application/x-www-form-urlencoded", String.join("&", pairs));
	}

	public static Map<String, List<String>> inputs(String html) {
		Map<String, List<String>> inputs = new LinkedHashMap<>();
		Matcher matcher = INPUT.matcher(html);
		while (matcher.find()) {
			Map<String, String> attributes = attributes(matcher.group());
			if (attributes.containsKey("name")) {
				inputs.computeIfAbsent(attributes.get("name"), (name) -> new ArrayList<>())
					.add(attributes.getOrDefault("value", ""));
			}
		}
		return inputs;
	}

	private static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(tag);
		while (matcher.find()) {
			attributes.put(matcher.group(1).toLowerCase(), unescape(matcher.group(2)));
		}
		return attributes;
	}

	private static String unescape(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return value.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	private static Response expectRedirect(Response response, String step) {
		if (response.status() != 302 && response.status() != 303) {
			throw new IllegalStateException(step + " did not redirect: " + response);
		}
		return response;
	}

	private static String path(String location) {
		return URI.create(location).getPath();
	}

	private static Map<String, String> query(String location) {
		String query = URI.create(location).getRawQuery();
		Map<String, String> values = new LinkedHashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static boolean hasHeader(String[] headers, String name) {
		for (int i = 0; i < headers.length; i += 2) {
			if (headers[i].equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	static String challenge(String verifier) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * An authorization code as the app holds it after the redirect.
	 */
	public record Authorization(String clientId, String redirectUri, String code, String codeVerifier) {

	}

	/**
	 * A token response.
	 */
	public record Tokens(String accessToken, @Nullable String refreshToken, @Nullable String idToken, String tokenType,
			JsonNode json) {

		public static Tokens of(Response response) {
			JsonNode json = response.json();
			return new Tokens(json.get("access_token").asString(), text(json, "refresh_token"), text(json, "id_token"),
					json.get("token_type").asString(), json);
		}

		private static @Nullable String text(JsonNode json, String name) {
			JsonNode value = json.get(name);
			return (value != null && !value.isNull()) ? value.asString() : null;
		}

		public List<String> values() {
			return java.util.stream.Stream.of(this.accessToken, this.refreshToken, this.idToken)
				.filter(java.util.Objects::nonNull)
				.collect(Collectors.toList());
		}

	}

}
