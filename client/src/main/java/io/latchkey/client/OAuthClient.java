package io.latchkey.client;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A public native or mobile client (RFC 8252) of one authorization server: discovers it,
 * signs the person in (system browser, invitation link or device flow), refreshes and
 * revokes tokens, and hands out an {@link AuthorizedHttp} that keeps calls authorized.
 * Thread-safe.
 */
public final class OAuthClient {

	private final URI issuer;

	private final ClientID clientId;

	private final HttpTransport transport;

	private final NimbusHttp http;

	private final @Nullable DPoPProofs dpop;

	private final @Nullable URI fhirServer;

	private final Clock clock;

	private final Sleeper sleeper;

	private volatile @Nullable OIDCProviderMetadata metadata;

	private OAuthClient(Builder builder) {
		this.issuer = builder.issuer;
		this.clientId = new ClientID(builder.clientId);
		this.transport = builder.transport;
		this.http = new NimbusHttp(builder.transport);
		this.dpop = (builder.dpopKey != null) ? new DPoPProofs(builder.dpopKey) : null;
		this.fhirServer = builder.fhirServer;
		this.clock = builder.clock;
		this.sleeper = builder.sleeper;
	}

	/**
	 * A client of the server at {@code issuer}, talking HTTP through {@code transport}
	 * ({@link io.latchkey.client.jdk.JdkHttpTransport} on the JVM,
	 * {@link io.latchkey.client.okhttp.OkHttpTransport} on Android).
	 */
	public static Builder builder(URI issuer, String clientId, HttpTransport transport) {
		return new Builder(issuer, clientId, transport);
	}

	public URI issuer() {
		return this.issuer;
	}

	public String clientId() {
		return this.clientId.getValue();
	}

	/**
	 * The server's OpenID Connect discovery document, fetched once; its {@code issuer}
	 * must be the one this client was built for (OpenID Connect Discovery section 4.3).
	 */
	public OIDCProviderMetadata metadata() throws IOException {
		OIDCProviderMetadata known = this.metadata;
		if (known != null) {
			return known;
		}
		URI location = URI.create(withoutTrailingSlash(this.issuer.toString()) + "/.well-known/openid-configuration");
		HttpResponse response = this.transport.send(HttpRequest.get(location).withHeader("Accept", "application/json"));
		if (response.status() != 200) {
			throw new IOException("discovery at " + location + " answered " + response.status());
		}
		try {
			OIDCProviderMetadata discovered = OIDCProviderMetadata.parse(response.bodyText());
			if (!withoutTrailingSlash(discovered.getIssuer().getValue())
				.equals(withoutTrailingSlash(this.issuer.toString()))) {
				throw new IOException("discovery names the issuer " + discovered.getIssuer() + ", not " + this.issuer);
			}
			this.metadata = discovered;
			return discovered;
		}
		catch (ParseException ex) {
			throw new IOException("discovery at " + location + " is not valid metadata: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Signs in through the system browser with the authorization code flow and PKCE,
	 * receiving the code on a loopback address (RFC 8252 sections 7.3 and 8.1).
	 */
	public Tokens signInWithBrowser(String scope, SystemBrowser browser) throws IOException {
		return new LoopbackSignIn(this).signIn(Scope.parse(scope), browser);
	}

	/**
	 * Redeems an invitation link with a challenge made here, so the PKCE verifier never
	 * leaves the device, and exchanges the code for tokens.
	 */
	public Tokens redeemInvitation(InvitationLink link) throws IOException {
		return new InvitationSignIn(this).redeem(link);
	}

	/**
	 * Signs in through the device flow (RFC 8628): shows the person a code through
	 * {@code prompt} and polls until they approve, deny, or the code expires.
	 */
	public Tokens signInWithDeviceCode(String scope, DeviceCodePrompt prompt) throws IOException {
		return new DeviceSignIn(this).signIn(Scope.parse(scope), prompt);
	}

	/**
	 * Trades the refresh token for new tokens; a response without a refresh token keeps
	 * the one held.
	 * @throws ReauthenticationRequired when there is no refresh token or the server
	 * refuses it with {@code invalid_grant}
	 */
	public Tokens refresh(Tokens tokens) throws IOException {
		if (tokens.refreshToken() == null) {
			throw new ReauthenticationRequired("no refresh token: sign in again");
		}
		try {
			return requestTokens(new RefreshTokenGrant(new RefreshToken(tokens.refreshToken())), null)
				.keepingRefreshTokenOf(tokens);
		}
		catch (AuthorizationError ex) {
			if ("invalid_grant".equals(ex.error())) {
				throw new ReauthenticationRequired("the refresh token is no longer accepted: sign in again");
			}
			throw ex;
		}
	}

	/**
	 * Revokes the refresh token (RFC 7009), which ends the whole sign-in at the server.
	 */
	public void revoke(Tokens tokens) throws IOException {
		URI endpoint = metadata().getRevocationEndpointURI();
		if (endpoint == null || tokens.refreshToken() == null) {
			return;
		}
		HTTPRequest request = new TokenRevocationRequest(endpoint, this.clientId,
				new RefreshToken(tokens.refreshToken()))
			.toHTTPRequest();
		HTTPResponse response = this.http.send(request);
		if (response.getStatusCode() != 200) {
			throw new IOException("revocation answered " + response.getStatusCode());
		}
	}

	/** A wrapper that authorizes requests with the tokens in {@code store}. */
	public AuthorizedHttp authorizedHttp(TokenStore store) {
		return new AuthorizedHttp(this, store);
	}

	/** Sends a token request, with a DPoP proof when the client has a key. */
	Tokens requestTokens(AuthorizationGrant grant, @Nullable Scope scope) throws IOException {
		URI endpoint = metadata().getTokenEndpointURI();
		HTTPRequest request = new TokenRequest(endpoint, this.clientId, grant, scope).toHTTPRequest();
		HTTPResponse response = sendWithProof(request, endpoint);
		TokenResponse parsed;
		try {
			parsed = TokenResponse.parse(response);
		}
		catch (ParseException ex) {
			throw new IOException("the token endpoint answered " + response.getStatusCode() + " with no usable body");
		}
		if (!parsed.indicatesSuccess()) {
			throw errorOf(parsed.toErrorResponse());
		}
		return tokensOf(parsed.toSuccessResponse());
	}

	/**
	 * Sends a request to the authorization server; with DPoP, a proof goes along and a
	 * {@code use_dpop_nonce} refusal is answered once with the nonce it carries (RFC 9449
	 * section 8).
	 */
	HTTPResponse sendWithProof(HTTPRequest request, URI endpoint) throws IOException {
		DPoPProofs proofs = this.dpop;
		if (proofs == null) {
			return this.http.send(request);
		}
		HTTPResponse response = null;
		for (int attempt = 0; attempt < 2; attempt++) {
			request.setDPoP(proofs.proof(request.getMethod().name(), endpoint, null));
			response = this.http.send(request);
			boolean newNonce = proofs.remember(endpoint, response.getHeaderValue("DPoP-Nonce"));
			if (!(newNonce && response.getStatusCode() == 400 && isError(response, "use_dpop_nonce"))) {
				return response;
			}
		}
		return Objects.requireNonNull(response);
	}

	private static boolean isError(HTTPResponse response, String code) {
		try {
			return code.equals(TokenErrorResponse.parse(response).getErrorObject().getCode());
		}
		catch (ParseException ex) {
			return false;
		}
	}

	static AuthorizationError errorOf(TokenErrorResponse response) {
		ErrorObject error = response.getErrorObject();
		String code = (error != null && error.getCode() != null) ? error.getCode() : "server_error";
		return new AuthorizationError(code, (error != null) ? error.getDescription() : null);
	}

	private Tokens tokensOf(AccessTokenResponse response) {
		AccessToken accessToken = response.getTokens().getAccessToken();
		RefreshToken refreshToken = response.getTokens().getRefreshToken();
		Instant expiresAt = (accessToken.getLifetime() > 0)
				? this.clock.instant().plusSeconds(accessToken.getLifetime()) : null;
		Object idToken = response.getCustomParameters().get("id_token");
		Object patient = response.getCustomParameters().get("patient");
		return new Tokens(accessToken.getValue(), accessToken.getType().getValue(),
				(refreshToken != null) ? refreshToken.getValue() : null, expiresAt,
				(accessToken.getScope() != null) ? accessToken.getScope().toString() : null,
				(idToken instanceof String value) ? value : null, (patient instanceof String value) ? value : null);
	}

	HttpTransport transport() {
		return this.transport;
	}

	NimbusHttp http() {
		return this.http;
	}

	@Nullable DPoPProofs dpop() {
		return this.dpop;
	}

	/** The FHIR server tokens are asked for, as {@code aud}; none when not set. */
	@Nullable URI fhirServer() {
		return this.fhirServer;
	}

	Clock clock() {
		return this.clock;
	}

	Sleeper sleeper() {
		return this.sleeper;
	}

	private static String withoutTrailingSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	/**
	 * Settings of an {@link OAuthClient}.
	 */
	public static final class Builder {

		private final URI issuer;

		private final String clientId;

		private final HttpTransport transport;

		private @Nullable JWK dpopKey;

		private @Nullable URI fhirServer;

		private Clock clock = Clock.systemUTC();

		private Sleeper sleeper = Sleeper.THREAD;

		private Builder(URI issuer, String clientId, HttpTransport transport) {
			this.issuer = issuer;
			this.clientId = clientId;
			this.transport = transport;
		}

		/**
		 * Binds tokens to a fresh P-256 key held in memory (RFC 9449): a stolen token is
		 * useless without it. The key is lost with the process, so tokens kept across
		 * runs need {@link #dpop(JWK)} with a key the app keeps.
		 */
		public Builder dpop() {
			return dpop(DPoPProofs.generateKey());
		}

		/** Binds tokens to the given private key (EC or RSA). */
		public Builder dpop(JWK key) {
			this.dpopKey = key;
			return this;
		}

		/**
		 * Asks for tokens for the FHIR server at this base URL: sent as {@code aud} with
		 * browser sign-ins (SMART App Launch 2) and invitation redemptions, it becomes
		 * the tokens' audience, which the FHIR server checks.
		 */
		public Builder fhirServer(URI baseUrl) {
			this.fhirServer = baseUrl;
			return this;
		}

		/** The clock that decides when an access token has expired. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** How to wait between device-flow polls. */
		public Builder sleeper(Sleeper sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		public OAuthClient build() {
			return new OAuthClient(this);
		}

	}

}
