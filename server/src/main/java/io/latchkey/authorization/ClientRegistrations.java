package io.latchkey.authorization;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.security.auth.x500.X500Principal;

import io.latchkey.authorization.ClientRegistration.ClientType;
import io.latchkey.authorization.ClientRegistration.MutualTls;
import io.latchkey.authorization.ClientRegistration.TokenLifetimes;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, finds and removes OAuth clients, applying Latchkey's rules: PKCE for every
 * authorization-code client, rotating refresh tokens, exact redirect URIs.
 */
@Service
public class ClientRegistrations {

	static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials",
			"urn:ietf:params:oauth:grant-type:device_code");

	static final Set<String> CERTIFICATE_METHODS = Set.of("tls_client_auth", "self_signed_tls_client_auth");

	private static final Duration MAX_ACCESS_TOKEN = Duration.ofHours(1);

	private static final Duration MIN_ACCESS_TOKEN = Duration.ofMinutes(1);

	private final RegisteredClientRepository repository;

	private final ClientSecrets secrets;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClientRegistrations(RegisteredClientRepository repository, ClientSecrets secrets, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public Optional<RegisteredClient> find(String clientId) {
		return Optional.ofNullable(this.repository.findByClientId(clientId));
	}

	/**
	 * Registers a client. For a confidential client, {@code secret} is its secret
	 * (generate one with {@link ClientSecrets#generate()}); it is stored only as a keyed
	 * hash. A client that authenticates with a certificate has none.
	 */
	@Transactional
	public RegisteredClient register(ClientRegistration registration, @Nullable String secret) {
		validate(registration);
		if (find(registration.clientId()).isPresent()) {
			throw new InvalidClientRegistrationException("client_id is already registered");
		}
		MutualTls mutualTls = registration.mutualTls();
		ClientSettings.Builder clientSettings = ClientSettings.builder()
			.requireProofKey(registration.grantTypes().contains("authorization_code"))
			.requireAuthorizationConsent(registration.requireConsent());
		if (mutualTls.subjectDn() != null) {
			// The library compares the RFC 2253 form the JDK prints; spacing or case
			// typed differently would otherwise never match.
			clientSettings.x509CertificateSubjectDN(new X500Principal(mutualTls.subjectDn()).getName());
		}
		if (mutualTls.jwksUri() != null) {
			clientSettings.jwkSetUrl(mutualTls.jwksUri());
		}
		RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(registration.clientId())
			.clientName(registration.clientName())
			.scopes((scopes) -> scopes.addAll(registration.scopes()))
			.redirectUris((uris) -> uris.addAll(registration.redirectUris()))
			.authorizationGrantTypes(
					(grants) -> registration.grantTypes().forEach((g) -> grants.add(new AuthorizationGrantType(g))))
			.clientSettings(clientSettings.build())
			.tokenSettings(tokenSettings(registration.tokenLifetimes(), mutualTls.boundAccessTokens()));
		if (registration.type() == ClientType.PUBLIC) {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else if (usesCertificate(registration)) {
			builder.clientAuthenticationMethod(new ClientAuthenticationMethod(registration.tokenEndpointAuthMethod()));
		}
		else {
			if (secret == null || secret.isBlank()) {
				throw new InvalidClientRegistrationException("a confidential client needs a secret");
			}
			builder.clientSecret(this.secrets.hash(secret))
				.clientAuthenticationMethod(new ClientAuthenticationMethod(
						(registration.tokenEndpointAuthMethod() != null) ? registration.tokenEndpointAuthMethod()
								: ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue()));
		}
		RegisteredClient client = builder.build();
		this.repository.save(client);
		this.events.publishEvent(new ClientRegistered(client.getClientId(), this.clock.instant()));
		return client;
	}

	/** The registered clients by {@code client_id}, at most {@code limit} of them. */
	public List<RegisteredClient> list(int limit) {
		return this.jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_id")
			.query(String.class)
			.list()
			.stream()
			.limit(limit)
			.map(this.repository::findByClientId)
			.filter(Objects::nonNull)
			.toList();
	}

	/**
	 * Gives a client that authenticates with a secret a new one; the old one stops
	 * working at once. Tokens issued before stay valid.
	 * @return whether the client exists and has a secret to replace
	 */
	@Transactional
	public boolean rotateSecret(String clientId, String secret) {
		RegisteredClient client = this.repository.findByClientId(clientId);
		if (client == null || client.getClientSecret() == null) {
			return false;
		}
		this.jdbc.sql("UPDATE oauth2_registered_client SET client_secret = ? WHERE id = ?")
			.param(this.secrets.hash(secret))
			.param(client.getId())
			.update();
		if (this.repository instanceof CachingRegisteredClientRepository cache) {
			cache.evict(client);
		}
		this.events.publishEvent(new ClientSecretRotated(clientId, this.clock.instant()));
		return true;
	}

	/** Removes a client; its authorizations and consents go with it. */
	@Transactional
	public boolean delete(String clientId) {
		RegisteredClient client = this.repository.findByClientId(clientId);
		if (client == null) {
			return false;
		}
		this.jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?")
			.param(client.getId())
			.update();
		this.jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(client.getId()).update();
		if (this.repository instanceof CachingRegisteredClientRepository cache) {
			cache.evict(client);
		}
		this.events.publishEvent(new ClientDeleted(clientId, this.clock.instant()));
		return true;
	}

	/** Whether the client authenticates with a certificate rather than a secret. */
	public static boolean usesCertificate(ClientRegistration registration) {
		String method = registration.tokenEndpointAuthMethod();
		return registration.type() == ClientType.CONFIDENTIAL && method != null && CERTIFICATE_METHODS.contains(method);
	}

	private static TokenSettings tokenSettings(TokenLifetimes lifetimes, boolean certificateBound) {
		TokenSettings.Builder settings = TokenSettings.builder()
			.x509CertificateBoundAccessTokens(certificateBound)
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
			.reuseRefreshTokens(false)
			.accessTokenTimeToLive(Duration.ofMinutes(15))
			.refreshTokenTimeToLive(Duration.ofDays(90))
			.authorizationCodeTimeToLive(Duration.ofMinutes(1))
			.deviceCodeTimeToLive(Duration.ofMinutes(10));
		if (lifetimes.accessToken() != null) {
			settings.accessTokenTimeToLive(lifetimes.accessToken());
		}
		if (lifetimes.refreshToken() != null) {
			settings.refreshTokenTimeToLive(lifetimes.refreshToken());
		}
		if (lifetimes.authorizationCode() != null) {
			settings.authorizationCodeTimeToLive(lifetimes.authorizationCode());
		}
		if (lifetimes.deviceCode() != null) {
			settings.deviceCodeTimeToLive(lifetimes.deviceCode());
		}
		return settings.build();
	}

	private static void validate(ClientRegistration registration) {
		if (registration.clientId() == null || !registration.clientId().matches("[A-Za-z0-9._~-]{1,100}")) {
			throw new InvalidClientRegistrationException(
					"client_id must be 1 to 100 characters of letters, digits and . _ ~ -");
		}
		if (registration.clientName() == null || registration.clientName().isBlank()
				|| registration.clientName().length() > 200) {
			throw new InvalidClientRegistrationException("client_name is required (at most 200 characters)");
		}
		if (registration.grantTypes() == null || registration.grantTypes().isEmpty()) {
			throw new InvalidClientRegistrationException("grant_types must name at least one grant");
		}
		for (String grant : registration.grantTypes()) {
			if (!GRANT_TYPES.contains(grant)) {
				throw new InvalidClientRegistrationException("unsupported grant type: " + grant);
			}
		}
		if (registration.type() == ClientType.PUBLIC && registration.grantTypes().contains("client_credentials")) {
			throw new InvalidClientRegistrationException("a public client cannot use client_credentials");
		}
		if (registration.type() == ClientType.PUBLIC && registration.tokenEndpointAuthMethod() != null
				&& !"none".equals(registration.tokenEndpointAuthMethod())) {
			throw new InvalidClientRegistrationException("a public client authenticates with 'none'");
		}
		if (registration.type() == ClientType.CONFIDENTIAL && registration.tokenEndpointAuthMethod() != null
				&& !Set
					.of("client_secret_basic", "client_secret_post", "tls_client_auth", "self_signed_tls_client_auth")
					.contains(registration.tokenEndpointAuthMethod())) {
			throw new InvalidClientRegistrationException("token_endpoint_auth_method must be client_secret_basic, "
					+ "client_secret_post, tls_client_auth or self_signed_tls_client_auth");
		}
		validateMutualTls(registration);
		if (registration.grantTypes().contains("authorization_code") && registration.redirectUris().isEmpty()) {
			throw new InvalidClientRegistrationException("authorization_code needs at least one redirect URI");
		}
		registration.redirectUris().forEach(ClientRegistrations::validateRedirectUri);
		if (registration.scopes().stream().anyMatch((s) -> s == null || !s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"))) {
			throw new InvalidClientRegistrationException("scopes must be RFC 6749 scope tokens");
		}
		Duration access = registration.tokenLifetimes().accessToken();
		if (access != null && (access.compareTo(MIN_ACCESS_TOKEN) < 0 || access.compareTo(MAX_ACCESS_TOKEN) > 0)) {
			throw new InvalidClientRegistrationException("access_token_ttl must be between 60 and 3600 seconds");
		}
		for (Duration ttl : new Duration[] { registration.tokenLifetimes().refreshToken(),
				registration.tokenLifetimes().authorizationCode(), registration.tokenLifetimes().deviceCode() }) {
			if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
				throw new InvalidClientRegistrationException("token lifetimes must be positive");
			}
		}
	}

	/**
	 * RFC 8705 §2.1.2 and §2.2.2: each certificate method needs what identifies the
	 * certificate; binding (§3) needs a certificate at the token endpoint, which only
	 * these methods guarantee.
	 */
	private static void validateMutualTls(ClientRegistration registration) {
		MutualTls mutualTls = registration.mutualTls();
		String method = registration.tokenEndpointAuthMethod();
		boolean pki = usesCertificate(registration) && "tls_client_auth".equals(method);
		boolean selfSigned = usesCertificate(registration) && "self_signed_tls_client_auth".equals(method);
		if (pki != (mutualTls.subjectDn() != null)) {
			throw new InvalidClientRegistrationException(
					"tls_client_auth_subject_dn is required with tls_client_auth and allowed only with it");
		}
		if (pki) {
			try {
				new X500Principal(mutualTls.subjectDn());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidClientRegistrationException("tls_client_auth_subject_dn is not a distinguished name");
			}
		}
		if (selfSigned != (mutualTls.jwksUri() != null)) {
			throw new InvalidClientRegistrationException(
					"jwks_uri is required with self_signed_tls_client_auth and allowed only with it");
		}
		if (selfSigned) {
			validateJwksUri(mutualTls.jwksUri());
		}
		if (mutualTls.boundAccessTokens() && !usesCertificate(registration)) {
			throw new InvalidClientRegistrationException("tls_client_certificate_bound_access_tokens needs "
					+ "tls_client_auth or self_signed_tls_client_auth");
		}
	}

	private static void validateJwksUri(String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidClientRegistrationException("jwks_uri is not a valid URI");
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean loopback = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
		if (!uri.isAbsolute() || uri.getFragment() != null || !(https || loopback)) {
			throw new InvalidClientRegistrationException("jwks_uri must be an https URL (plain http only on loopback)");
		}
	}

	/**
	 * RFC 8252 §7 and RFC 6749 §3.1.2: absolute, no fragment, plain http only on
	 * loopback.
	 */
	private static void validateRedirectUri(String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw new InvalidClientRegistrationException("redirect URI is not a valid URI");
		}
		if (!uri.isAbsolute() || uri.getFragment() != null) {
			throw new InvalidClientRegistrationException("redirect URI must be absolute and have no fragment");
		}
		if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
			throw new InvalidClientRegistrationException(
					"plain http redirect URIs are allowed only on 127.0.0.1 or [::1]");
		}
	}

	private static boolean isLoopback(@Nullable String host) {
		return "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
	}

}
