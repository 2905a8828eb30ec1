package io.latchkey.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * One person's browser: keeps its own cookies, follows redirects by hand, fills in the
 * login form and approves the consent page until the server redirects to the client's
 * callback with a code.
 */
final class Browser {

	private static final int MAX_STEPS = 12;

	private final HttpClient client;

	private final Duration timeout;

	private final BrowserSettings settings;

	Browser(BrowserSettings settings, Duration timeout) {
		this.settings = settings;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.connectTimeout(timeout)
			.build();
	}

	/**
	 * Runs one authorization request and returns the code from the redirect. Once signed
	 * in and consented, this is a single request.
	 */
	String authorize(URI authorizationEndpoint, CodeVerifier pkce)
			throws IOException, InterruptedException, BrowserFlowException {
		String state = new State().getValue();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", this.settings.clientId());
		query.put("redirect_uri", this.settings.redirectUri().toString());
		query.put("scope", this.settings.scope());
		query.put("state", state);
		query.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, pkce).getValue());
		query.put("code_challenge_method", "S256");
		String separator = (authorizationEndpoint.getRawQuery() != null) ? "&" : "?";
		URI uri = URI.create(authorizationEndpoint + separator + OAuthHttp.formEncode(query));
		HttpRequest request = page(uri).GET().build();
		boolean signedIn = false;
		for (int step = 0; step < MAX_STEPS; step++) {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			URI current = response.request().uri();
			int status = response.statusCode();
			if (status >= 300 && status < 400) {
				URI location = current.resolve(response.headers()
					.firstValue("Location")
					.orElseThrow(() -> new BrowserFlowException("HTTP " + status + " without Location")));
				if (isCallback(location)) {
					return codeFrom(location, state);
				}
				request = page(location).GET().build();
				continue;
			}
			if (status != 200) {
				throw new BrowserFlowException("HTTP " + status + " at " + current.getPath());
			}
			List<HtmlForm> forms = HtmlForm.parseAll(response.body());
			Optional<HtmlForm> login = forms.stream().filter((form) -> form.hasInputOfType("password")).findFirst();
			if (login.isPresent()) {
				if (signedIn) {
					throw new BrowserFlowException("Sign-in was refused; check --username and --password");
				}
				signedIn = true;
				request = submit(current, login.get(), signIn(login.get()));
				continue;
			}
			HtmlForm consent = forms.stream()
				.filter((form) -> form.hasInputOfType("checkbox"))
				.findFirst()
				.or(() -> forms.stream().filter((form) -> "POST".equals(form.method())).findFirst())
				.orElseThrow(() -> new BrowserFlowException("No login or consent form at " + current.getPath()));
			request = submit(current, consent, consent.defaultFields());
		}
		throw new BrowserFlowException("No authorization code after " + MAX_STEPS + " steps");
	}

	private Map<String, List<String>> signIn(HtmlForm form) {
		Map<String, List<String>> fields = form.defaultFields();
		for (HtmlForm.Input input : form.inputs()) {
			if (input.type().equals("password")) {
				fields.put(input.name(), List.of(this.settings.password()));
			}
			else if (input.type().equals("text") || input.type().equals("email")) {
				fields.put(input.name(), List.of(this.settings.username()));
			}
		}
		return fields;
	}

	private HttpRequest submit(URI page, HtmlForm form, Map<String, List<String>> fields) {
		URI action = form.action().isEmpty() ? page : page.resolve(form.action());
		List<String> pairs = new ArrayList<>();
		fields.forEach((name, values) -> values
			.forEach((value) -> pairs.add(OAuthHttp.encode(name) + "=" + OAuthHttp.encode(value))));
		return page(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
			.build();
	}

	private HttpRequest.Builder page(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(this.timeout).header("Accept", "text/html,application/xhtml+xml");
	}

	private boolean isCallback(URI location) {
		URI callback = this.settings.redirectUri();
		// Loopback redirect URIs match on any port (RFC 8252 §7.3), so compare
		// without it.
		return callback.getScheme().equalsIgnoreCase(location.getScheme())
				&& callback.getHost().equalsIgnoreCase(location.getHost())
				&& callback.getPath().equals(location.getPath());
	}

	private static String codeFrom(URI callback, String expectedState) throws BrowserFlowException {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = (callback.getRawQuery() != null) ? callback.getRawQuery() : "";
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		if (parameters.containsKey("error")) {
			throw new BrowserFlowException("Authorization error: " + parameters.get("error"));
		}
		if (!expectedState.equals(parameters.get("state"))) {
			throw new BrowserFlowException("The callback's state does not match the request");
		}
		String code = parameters.get("code");
		if (code == null) {
			throw new BrowserFlowException("The callback carries no code");
		}
		return code;
	}

}
