package io.latchkey.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An authorization server and a resource on loopback, just enough of each to watch what
 * the library sends: rotating refresh tokens, a protected resource that refuses stale
 * tokens, a DPoP resource that demands a nonce, invitation redemption and the device flow
 * with scripted answers.
 */
final class FakeAuthorizationServer implements AutoCloseable {

	static final String CLIENT_ID = "test-app";

	static final String DPOP_NONCE = "nonce-from-the-resource";

	final AtomicInteger refreshRequests = new AtomicInteger();

	final AtomicInteger resourceRequests = new AtomicInteger();

	final List<String> resourceMethods = new CopyOnWriteArrayList<>();

	final List<String> dpopProofNonces = new CopyOnWriteArrayList<>();

	final ConcurrentLinkedQueue<String> deviceAnswers = new ConcurrentLinkedQueue<>();

	final AtomicInteger devicePolls = new AtomicInteger();

	volatile String tokenType = "Bearer";

	volatile long expiresIn = 300;

	/** The issuer the discovery document names; by default the server's own address. */
	volatile String advertisedIssuer;

	/**
	 * Whether the token endpoint demands a DPoP nonce of its own (RFC 9449 section 8).
	 */
	volatile boolean tokenEndpointNonce;

	final List<String> tokenProofNonces = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final AtomicInteger generation = new AtomicInteger();

	private volatile String accessToken = "access-0";

	private volatile String refreshToken = "refresh-0";

	private volatile boolean refreshTokensDead;

	private volatile String invitationChallenge;

	private volatile String codeChallenge;

	FakeAuthorizationServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.createContext("/.well-known/openid-configuration", this::discovery);
		this.server.createContext("/oauth2/token", this::token);
		this.server.createContext("/oauth2/device_authorization", this::deviceAuthorization);
		this.server.createContext("/oauth2/authorize", (exchange) -> answer(exchange, 200, "text/html", "login"));
		this.server.createContext("/api/invitation", this::invitation);
		this.server.createContext("/resource", this::resource);
		this.server.start();
	}

	URI issuer() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	URI resource() {
		return URI.create(issuer() + "/resource");
	}

	/** Tokens as the app would hold them after signing in. */
	Tokens signedIn() {
		return new Tokens(this.accessToken, this.tokenType, this.refreshToken, null, "openid", null, null);
	}

	/** The resource server stops accepting the current access token, as after expiry. */
	void expireAccessToken() {
		this.accessToken = "expired-" + this.generation.get();
	}

	void revokeRefreshTokens() {
		this.refreshTokensDead = true;
	}

	String currentRefreshToken() {
		return this.refreshToken;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void discovery(HttpExchange exchange) throws IOException {
		String issuer = issuer().toString();
		String named = (this.advertisedIssuer != null) ? this.advertisedIssuer : issuer;
		answer(exchange, 200, "application/json", "{\"issuer\":\"" + named + "\",\"authorization_endpoint\":\"" + issuer
				+ "/oauth2/authorize\",\"token_endpoint\":\"" + issuer + "/oauth2/token\",\"jwks_uri\":\"" + issuer
				+ "/oauth2/jwks\",\"device_authorization_endpoint\":\"" + issuer
				+ "/oauth2/device_authorization\",\"response_types_supported\":[\"code\"],"
				+ "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (!CLIENT_ID.equals(form.get("client_id"))) {
			error(exchange, "invalid_client");
			return;
		}
		if (this.tokenEndpointNonce) {
			String nonce = nonceOf(exchange.getRequestHeaders().getFirst("DPoP"));
			this.tokenProofNonces.add(String.valueOf(nonce));
			if (!"nonce-from-the-token-endpoint".equals(nonce)) {
				exchange.getResponseHeaders().add("DPoP-Nonce", "nonce-from-the-token-endpoint");
				error(exchange, "use_dpop_nonce");
				return;
			}
		}
		switch (form.get("grant_type")) {
			case "refresh_token" -> refresh(exchange, form.get("refresh_token"));
			case "authorization_code" -> {
				String challenge = CodeChallenge
					.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier")))
					.getValue();
				if (form.get("code").equals("invitation-code") && challenge.equals(this.invitationChallenge)
						|| form.get("code").equals("browser-code") && challenge.equals(this.codeChallenge)) {
					issue(exchange);
				}
				else {
					error(exchange, "invalid_grant");
				}
			}
			case "urn:ietf:params:oauth:grant-type:device_code" -> {
				this.devicePolls.incrementAndGet();
				String next = this.deviceAnswers.poll();
				if (next == null || next.equals("tokens")) {
					issue(exchange);
				}
				else {
					error(exchange, next);
				}
			}
			default -> error(exchange, "unsupported_grant_type");
		}
	}

	private void refresh(HttpExchange exchange, String presented) throws IOException {
		this.refreshRequests.incrementAndGet();
		sleep(150);
		synchronized (this) {
			if (this.refreshTokensDead || !presented.equals(this.refreshToken)) {
				// Reuse detection: a used refresh token kills the family.
				this.refreshTokensDead = true;
				error(exchange, "invalid_grant");
				return;
			}
			issue(exchange);
		}
	}

	private synchronized void issue(HttpExchange exchange) throws IOException {
		int next = this.generation.incrementAndGet();
		this.accessToken = "access-" + next;
		this.refreshToken = "refresh-" + next;
		answer(exchange, 200, "application/json",
				"{\"access_token\":\"" + this.accessToken + "\",\"token_type\":\"" + this.tokenType
						+ "\",\"expires_in\":" + this.expiresIn + ",\"refresh_token\":\"" + this.refreshToken
						+ "\",\"scope\":\"openid offline_access\",\"patient\":\"pat-1\"}");
	}

	private void invitation(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		java.util.regex.Matcher challenge = java.util.regex.Pattern.compile("\"code_challenge\":\"([^\"]+)\"")
			.matcher(body);
		if (!body.contains("\"secret\":\"127.0.0.1:") || !challenge.find()) {
			answer(exchange, 400, "application/json", "{\"error\":\"invalid_invitation\"}");
			return;
		}
		this.invitationChallenge = challenge.group(1);
		answer(exchange, 200, "application/json", "{\"client_id\":\"" + CLIENT_ID
				+ "\",\"code\":\"invitation-code\",\"redirect_uri\":\"http://127.0.0.1/callback\"}");
	}

	/** Remembers the challenge of an authorization request the browser would open. */
	void authorizationRequested(Map<String, String> query) {
		this.codeChallenge = query.get("code_challenge");
	}

	private void deviceAuthorization(HttpExchange exchange) throws IOException {
		String issuer = issuer().toString();
		answer(exchange, 200, "application/json",
				"{\"device_code\":\"device-code\",\"user_code\":\"WDJB-MJHT\",\"verification_uri\":\"" + issuer
						+ "/device\",\"expires_in\":60,\"interval\":5}");
	}

	private void resource(HttpExchange exchange) throws IOException {
		this.resourceRequests.incrementAndGet();
		this.resourceMethods.add(exchange.getRequestMethod());
		exchange.getRequestBody().readAllBytes();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if ("DPoP".equals(this.tokenType)) {
			String proof = exchange.getRequestHeaders().getFirst("DPoP");
			String nonce = nonceOf(proof);
			this.dpopProofNonces.add(String.valueOf(nonce));
			if (!DPOP_NONCE.equals(nonce)) {
				exchange.getResponseHeaders().add("DPoP-Nonce", DPOP_NONCE);
				exchange.getResponseHeaders().add("WWW-Authenticate", "DPoP error=\"use_dpop_nonce\"");
				answer(exchange, 401, "application/json", "{}");
				return;
			}
			if (!("DPoP " + this.accessToken).equals(authorization)) {
				exchange.getResponseHeaders().add("WWW-Authenticate", "DPoP error=\"invalid_token\"");
				answer(exchange, 401, "application/json", "{}");
				return;
			}
		}
		else if (!("Bearer " + this.accessToken).equals(authorization)) {
			exchange.getResponseHeaders()
				.add("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"expired\"");
			answer(exchange, 401, "application/json", "{}");
			return;
		}
		answer(exchange, 200, "application/json", "{\"resource\":\"yes\"}");
	}

	private static String nonceOf(String proof) {
		try {
			return (proof != null) ? SignedJWT.parse(proof).getJWTClaimsSet().getStringClaim("nonce") : null;
		}
		catch (java.text.ParseException ex) {
			return null;
		}
	}

	private static void error(HttpExchange exchange, String code) throws IOException {
		answer(exchange, 400, "application/json", "{\"error\":\"" + code + "\"}");
	}

	static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
