package io.latchkey.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;

/**
 * Sends requests with the stored access token, as a bearer token or DPoP-bound with a
 * fresh proof (RFC 9449), and keeps them working when the token expires: an expired token
 * or a {@code 401} with {@code invalid_token} (RFC 6750 section 3.1) leads to one
 * refresh, shared by every thread that hit it at the same time, since with rotating
 * refresh tokens a second refresh with the same token would look like theft and revoke
 * the sign-in. The refused request is sent again only when that is safe: an idempotent
 * method or a body the caller marked replayable. Use one instance per {@link TokenStore}.
 */
public final class AuthorizedHttp implements HttpTransport {

	/** Refresh a little before expiry, so a token does not expire on its way. */
	static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

	private static final Pattern INVALID_TOKEN = Pattern.compile("error\\s*=\\s*\"?invalid_token\"?");

	private static final Pattern USE_DPOP_NONCE = Pattern.compile("error\\s*=\\s*\"?use_dpop_nonce\"?");

	private final OAuthClient client;

	private final TokenStore store;

	private final ReentrantLock refreshing = new ReentrantLock();

	AuthorizedHttp(OAuthClient client, TokenStore store) {
		this.client = client;
		this.store = store;
	}

	/**
	 * Sends the request authorized, refreshing once if needed.
	 * @throws ReauthenticationRequired when the person has to sign in again
	 */
	@Override
	public HttpResponse send(HttpRequest request) throws IOException {
		return send(request, this.client.transport());
	}

	/**
	 * Sends the request authorized through another transport, such as the rest of an
	 * OkHttp interceptor chain; refreshes still go through the client's own.
	 * @throws ReauthenticationRequired when the person has to sign in again
	 */
	public HttpResponse send(HttpRequest request, HttpTransport through) throws IOException {
		Tokens tokens = storedTokens();
		if (tokens.refreshToken() != null && tokens.expiresWithin(EXPIRY_MARGIN, this.client.clock())) {
			tokens = refreshReplacing(tokens);
		}
		HttpResponse response = sendWith(request, tokens, through);
		if (response.status() == 401 && challenges(response, INVALID_TOKEN)) {
			Tokens refreshed = refreshReplacing(tokens);
			if (request.safeToRetry()) {
				response = sendWith(request, refreshed, through);
			}
		}
		return response;
	}

	/**
	 * Refreshes unless another thread already replaced {@code stale}; everyone else waits
	 * here and takes the result.
	 */
	private Tokens refreshReplacing(Tokens stale) throws IOException {
		try {
			this.refreshing.lockInterruptibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while waiting for a token refresh");
		}
		try {
			Tokens latest = storedTokens();
			if (!latest.accessToken().equals(stale.accessToken())) {
				return latest;
			}
			Tokens refreshed;
			try {
				refreshed = this.client.refresh(latest);
			}
			catch (ReauthenticationRequired ex) {
				this.store.clear();
				throw ex;
			}
			this.store.save(refreshed);
			return refreshed;
		}
		finally {
			this.refreshing.unlock();
		}
	}

	private Tokens storedTokens() throws IOException {
		Tokens tokens = this.store.load();
		if (tokens == null) {
			throw new ReauthenticationRequired("not signed in");
		}
		return tokens;
	}

	/**
	 * Sends with the token; a resource server's {@code use_dpop_nonce} refusal is
	 * answered once with its nonce (RFC 9449 section 9), where a retry is safe.
	 */
	private HttpResponse sendWith(HttpRequest request, Tokens tokens, HttpTransport through) throws IOException {
		if (!tokens.dpopBound()) {
			return through.send(request.withHeader("Authorization", "Bearer " + tokens.accessToken()));
		}
		DPoPProofs proofs = this.client.dpop();
		if (proofs == null) {
			throw new ReauthenticationRequired("the tokens are bound to a DPoP key this client does not have");
		}
		HttpResponse response = null;
		for (int attempt = 0; attempt < 2; attempt++) {
			SignedJWT proof = proofs.proof(request.method(), request.uri(), tokens.accessToken());
			response = through.send(request.withHeader("Authorization", "DPoP " + tokens.accessToken())
				.withHeader("DPoP", proof.serialize()));
			boolean newNonce = proofs.remember(request.uri(), response.header("DPoP-Nonce"));
			if (!(newNonce && response.status() == 401 && challenges(response, USE_DPOP_NONCE)
					&& request.safeToRetry())) {
				return response;
			}
		}
		return response;
	}

	private static boolean challenges(HttpResponse response, Pattern error) {
		return response.headers("WWW-Authenticate").stream().anyMatch((value) -> error.matcher(value).find());
	}

}
