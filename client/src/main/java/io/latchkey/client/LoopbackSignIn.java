package io.latchkey.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * The authorization code flow of a native app (RFC 8252): a listener on a free port of
 * the IPv4 loopback address (section 7.3: an address, not {@code localhost}, which could
 * resolve elsewhere), the request opened in the system browser, PKCE S256 and a state
 * value checked on return. A plain socket rather than an HTTP server library, so that it
 * runs on Android too.
 */
final class LoopbackSignIn {

	static final Duration WAIT_FOR_PERSON = Duration.ofMinutes(5);

	private static final String CALLBACK = "/callback";

	private static final String DONE_PAGE = "<!doctype html><title>Signed in</title>"
			+ "<p>You are signed in. You can close this window and return to the app.</p>";

	private final OAuthClient client;

	LoopbackSignIn(OAuthClient client) {
		this.client = client;
	}

	Tokens signIn(Scope scope, SystemBrowser browser) throws IOException {
		URI endpoint = this.client.metadata().getAuthorizationEndpointURI();
		try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
			URI redirect = URI.create("http://127.0.0.1:" + listener.getLocalPort() + CALLBACK);
			State state = new State();
			CodeVerifier verifier = new CodeVerifier();
			AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE,
					new ClientID(this.client.clientId()))
				.endpointURI(endpoint)
				.redirectionURI(redirect)
				.scope(scope)
				.state(state)
				.codeChallenge(verifier, CodeChallengeMethod.S256);
			URI fhirServer = this.client.fhirServer();
			if (fhirServer != null) {
				request.customParameter("aud", fhirServer.toString());
			}
			URI page = request.build().toURI();
			CompletableFuture<URI> returned = new CompletableFuture<>();
			Thread waiting = new Thread(() -> {
				try {
					returned.complete(awaitRedirect(listener, redirect));
				}
				catch (RuntimeException ex) {
					returned.completeExceptionally(ex);
				}
			}, "loopback-redirect");
			waiting.setDaemon(true);
			waiting.start();
			browser.open(page);
			AuthorizationCode code = codeOf(await(returned), state);
			return this.client.requestTokens(new AuthorizationCodeGrant(code, redirect, verifier), null);
		}
	}

	private static AuthorizationCode codeOf(URI returned, State state) throws IOException {
		AuthorizationResponse response;
		try {
			response = AuthorizationResponse.parse(returned);
		}
		catch (ParseException ex) {
			throw new IOException("the browser came back without an authorization response");
		}
		if (!state.equals(response.getState())) {
			throw new IOException("the browser came back with a foreign state: not this sign-in");
		}
		if (!response.indicatesSuccess()) {
			AuthorizationErrorResponse error = response.toErrorResponse();
			throw new AuthorizationError(error.getErrorObject().getCode(), error.getErrorObject().getDescription());
		}
		return response.toSuccessResponse().getAuthorizationCode();
	}

	private static URI await(CompletableFuture<URI> returned) throws IOException {
		try {
			return returned.get(WAIT_FOR_PERSON.toSeconds() + 5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("sign-in interrupted");
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("the browser did not come back to the app", ex);
		}
	}

	/** Serves requests until one arrives at the callback path, and answers its URI. */
	private static URI awaitRedirect(ServerSocket listener, URI redirect) {
		try {
			listener.setSoTimeout((int) WAIT_FOR_PERSON.toMillis());
			while (true) {
				try (Socket connection = listener.accept()) {
					connection.setSoTimeout(10_000);
					String target = requestTarget(connection);
					boolean callback = target != null && (target.equals(CALLBACK) || target.startsWith(CALLBACK + "?"));
					respond(connection.getOutputStream(), callback);
					if (callback) {
						return URI.create(redirect + target.substring(CALLBACK.length()));
					}
				}
				catch (SocketTimeoutException ex) {
					throw ex;
				}
				catch (IOException | IllegalArgumentException ex) {
					// A broken or stray connection; keep waiting for the browser.
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static @org.jspecify.annotations.Nullable String requestTarget(Socket connection) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
		String requestLine = reader.readLine();
		for (String header = reader.readLine(); header != null && !header.isEmpty(); header = reader.readLine()) {
			// Headers are not needed; read them so the browser sees its request taken.
		}
		if (requestLine == null) {
			return null;
		}
		String[] parts = requestLine.split(" ");
		return (parts.length == 3 && parts[0].equals("GET")) ? parts[1] : null;
	}

	private static void respond(OutputStream output, boolean callback) throws IOException {
		byte[] body = (callback ? DONE_PAGE : "Not found").getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + (callback ? "200 OK" : "404 Not Found") + "\r\n"
				+ "Content-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
				+ "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
		output.write(head.getBytes(StandardCharsets.US_ASCII));
		output.write(body);
		output.flush();
	}

}
