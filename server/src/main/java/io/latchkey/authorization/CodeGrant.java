package io.latchkey.authorization;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an authorization code is minted for: a person, a client, scopes and the S256
 * challenge the code is bound to (RFC 7636 section 4.2).
 *
 * @param clientId the client that will exchange the code
 * @param subject the username of the person the tokens are for
 * @param scopes the scopes granted; a subset of the client's
 * @param codeChallenge the base64url SHA-256 of the verifier the client will present
 * @param reference a non-secret reference recorded as the request's {@code state}, such
 * as the id of what led to the code
 * @param audience the FHIR server the tokens are for, as the client named it in
 * {@code aud}; it must be one of {@code latchkey.smart.fhir-base-urls}
 */
public record CodeGrant(String clientId, String subject, Set<String> scopes, String codeChallenge, String reference,
		@Nullable String audience) {

	public CodeGrant {
		scopes = Set.copyOf(scopes);
	}

	/** A grant whose tokens keep the library's audience, the client id. */
	public CodeGrant(String clientId, String subject, Set<String> scopes, String codeChallenge, String reference) {
		this(clientId, subject, scopes, codeChallenge, reference, null);
	}

}
