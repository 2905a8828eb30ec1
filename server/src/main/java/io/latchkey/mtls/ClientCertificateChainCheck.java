package io.latchkey.mtls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * Checks that a {@code tls_client_auth} certificate chains to a CA of the listener's
 * trust store before the library matches its subject DN.
 */
class ClientCertificateChainCheck implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final Supplier<@Nullable KeyStore> trustStore;

	ClientCertificateChainCheck(AuthenticationProvider delegate, Supplier<@Nullable KeyStore> trustStore) {
		this.delegate = delegate;
		this.trustStore = trustStore;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		// RFC 8705 §2.1: with PKI authentication the subject DN means something
		// only for a certificate a trusted CA issued; the handshake lets any
		// certificate through.
		if (authentication instanceof OAuth2ClientAuthenticationToken client
				&& ClientAuthenticationMethod.TLS_CLIENT_AUTH.equals(client.getClientAuthenticationMethod())
				&& !(client.getCredentials() instanceof X509Certificate[] chain && trusted(chain))) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	private boolean trusted(X509Certificate[] chain) {
		KeyStore anchors = this.trustStore.get();
		if (anchors == null || chain.length == 0) {
			return false;
		}
		try {
			PKIXParameters parameters = new PKIXParameters(anchors);
			// Revocation is the CA's and operator's matter (short-lived
			// certificates, CRLs at the proxy); checking it here would make
			// every token request call out.
			parameters.setRevocationEnabled(false);
			// A client may send its CA too; the path to validate stops short of
			// the anchor.
			List<X509Certificate> path = new ArrayList<>(List.of(chain));
			while (path.size() > 1 && anchors.getCertificateAlias(path.getLast()) != null) {
				path.removeLast();
			}
			CertPathValidator.getInstance("PKIX")
				.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
			return true;
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

}
