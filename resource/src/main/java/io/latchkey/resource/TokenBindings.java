package io.latchkey.resource;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.X509CertificateConfirmation;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.AccessTokenValidationException;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DefaultDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a sender-constrained token comes from its holder: a DPoP-bound token
 * ({@code cnf.jkt}) with the {@code DPoP} scheme and a fresh proof for this request,
 * signed by the bound key (RFC 9449 section 7), and a certificate-bound one
 * ({@code cnf.x5t#S256}) over a TLS connection that presented that certificate (RFC 8705
 * section 3). Proof checks are Nimbus's.
 */
final class TokenBindings {

	static final Set<JWSAlgorithm> PROOF_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
			JWSAlgorithm.RS256, JWSAlgorithm.PS256);

	/** How old a proof may be, and how long its {@code jti} is remembered. */
	private static final long PROOF_LIFETIME_SECONDS = 60;

	private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

	private final URI origin;

	private final DPoPProtectedResourceRequestVerifier proofs = new DPoPProtectedResourceRequestVerifier(
			PROOF_ALGORITHMS, PROOF_LIFETIME_SECONDS,
			new DefaultDPoPSingleUseChecker(PROOF_LIFETIME_SECONDS, PROOF_LIFETIME_SECONDS));

	TokenBindings(ResourceServerSettings settings) {
		URI base = settings.fhirBaseUrl();
		this.origin = URI.create(base.getScheme() + "://" + base.getRawAuthority());
	}

	/**
	 * Whether the token is bound to a DPoP key, and so must come with the DPoP scheme.
	 */
	static boolean dpopBound(JWTClaimsSet claims) {
		return JWKThumbprintConfirmation.parse(claims) != null;
	}

	/**
	 * @throws InvalidTokenException when the token is presented in a way its binding
	 * forbids
	 * @throws InvalidProofException when the DPoP proof is missing or wrong
	 */
	void check(String scheme, String token, JWTClaimsSet claims, HttpServletRequest request)
			throws InvalidTokenException, InvalidProofException {
		JWKThumbprintConfirmation jkt = JWKThumbprintConfirmation.parse(claims);
		boolean dpopScheme = scheme.equalsIgnoreCase("DPoP");
		if (jkt != null && !dpopScheme) {
			throw new InvalidTokenException("the access token is DPoP-bound: send it with the DPoP scheme and a proof");
		}
		if (jkt == null && dpopScheme) {
			throw new InvalidTokenException("the access token is not DPoP-bound: send it with the Bearer scheme");
		}
		if (jkt != null) {
			checkProof(token, claims, jkt, request);
		}
		X509CertificateConfirmation x5t = X509CertificateConfirmation.parse(claims);
		if (x5t != null && !x5t.equals(presentedCertificate(request))) {
			throw new InvalidTokenException(
					"the access token is bound to a client certificate this connection " + "did not present");
		}
	}

	private void checkProof(String token, JWTClaimsSet claims, JWKThumbprintConfirmation jkt,
			HttpServletRequest request) throws InvalidTokenException, InvalidProofException {
		List<String> headers = Collections.list(request.getHeaders("DPoP"));
		if (headers.size() != 1) {
			throw new InvalidProofException("exactly one DPoP proof must come with a DPoP-bound token");
		}
		SignedJWT proof;
		try {
			proof = SignedJWT.parse(headers.get(0));
		}
		catch (java.text.ParseException ex) {
			throw new InvalidProofException("the DPoP proof is not a signed JWT");
		}
		String issuer = (claims.getClaim("client_id") instanceof String clientId) ? clientId : claims.getSubject();
		try {
			this.proofs.verify(request.getMethod(), URI.create(this.origin + request.getRequestURI()),
					new DPoPIssuer(issuer), proof, new DPoPAccessToken(token), jkt);
		}
		catch (InvalidDPoPProofException ex) {
			throw new InvalidProofException("the DPoP proof is not valid for this request");
		}
		catch (AccessTokenValidationException ex) {
			throw new InvalidTokenException("the access token is bound to another key than the proof's");
		}
		catch (JOSEException ex) {
			throw new InvalidProofException("the DPoP proof could not be checked");
		}
	}

	private static @Nullable X509CertificateConfirmation presentedCertificate(HttpServletRequest request) {
		if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
			return X509CertificateConfirmation.of(chain[0]);
		}
		return null;
	}

}
