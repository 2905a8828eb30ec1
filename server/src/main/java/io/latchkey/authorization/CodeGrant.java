package io.latchkey.authorization;

import java.util.Set;

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
 */
public record CodeGrant(String clientId, String subject, Set<String> scopes, String codeChallenge, String reference) {

	public CodeGrant {
		scopes = Set.copyOf(scopes);
	}

}
