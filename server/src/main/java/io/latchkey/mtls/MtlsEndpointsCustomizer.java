package io.latchkey.mtls;

import java.net.URI;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;

import io.latchkey.authorization.ProtocolEndpointsCustomizer;
import io.latchkey.shared.LatchkeyProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.X509ClientCertificateAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * Adds the chain check to certificate client authentication and advertises where the
 * endpoints that take certificates are.
 */
@Component
class MtlsEndpointsCustomizer implements ProtocolEndpointsCustomizer {

	private static final String ALIASES = "mtls_endpoint_aliases";

	private final MtlsSettings settings;

	private final LatchkeyProperties properties;

	private final AuthorizationServerSettings endpoints;

	private final SslBundles bundles;

	private final Environment environment;

	MtlsEndpointsCustomizer(MtlsSettings settings, LatchkeyProperties properties, AuthorizationServerSettings endpoints,
			SslBundles bundles, Environment environment) {
		this.settings = settings;
		this.properties = properties;
		this.endpoints = endpoints;
		this.bundles = bundles;
		this.environment = environment;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.authorizationServerMetadataEndpoint((endpoint) -> endpoint.authorizationServerMetadataCustomizer(
				(metadata) -> metadata.tlsClientCertificateBoundAccessTokens(true).claim(ALIASES, endpointAliases())))
			.oidc((oidc) -> oidc.providerConfigurationEndpoint((endpoint) -> endpoint
				.providerConfigurationCustomizer((metadata) -> metadata.tlsClientCertificateBoundAccessTokens(true)
					.claim(ALIASES, endpointAliases()))));
	}

	@Override
	public AuthenticationProvider clientAuthenticationProvider(AuthenticationProvider provider) {
		return (provider instanceof X509ClientCertificateAuthenticationProvider)
				? new ClientCertificateChainCheck(provider, this::listenerTrustStore) : provider;
	}

	/** RFC 8705 §5: where a client goes to present its certificate. */
	private Map<String, Object> endpointAliases() {
		URI base = (this.settings.endpointBase() != null) ? this.settings.endpointBase() : this.properties.issuer();
		String root = base.toString().replaceAll("/+$", "");
		Map<String, Object> aliases = new LinkedHashMap<>();
		aliases.put("token_endpoint", root + this.endpoints.getTokenEndpoint());
		aliases.put("revocation_endpoint", root + this.endpoints.getTokenRevocationEndpoint());
		aliases.put("introspection_endpoint", root + this.endpoints.getTokenIntrospectionEndpoint());
		aliases.put("device_authorization_endpoint", root + this.endpoints.getDeviceAuthorizationEndpoint());
		return aliases;
	}

	private @Nullable KeyStore listenerTrustStore() {
		String name = this.environment.getProperty("server.ssl.bundle");
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return this.bundles.getBundle(name).getStores().getTrustStore();
		}
		catch (NoSuchSslBundleException ex) {
			return null;
		}
	}

}
