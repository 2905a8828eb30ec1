package io.latchkey.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An access token the kit accepted, as the FHIR server behind it sees it: the filter puts
 * it in the request attribute {@link #ATTRIBUTE}.
 *
 * @param subject the {@code sub} claim: the person (or client) the token is for
 * @param clientId the app the token was issued to
 * @param scope the granted scopes, space-separated
 * @param scopes the SMART resource scopes among them
 * @param patient the SMART launch context: the patient the token is for, if any
 * @param expiresAt when the token expires
 * @param claims every claim of the token
 */
public record VerifiedAccessToken(String subject, @Nullable String clientId, String scope, List<SmartScope> scopes,
		@Nullable String patient, Instant expiresAt, Map<String, Object> claims) {

	/** The request attribute that holds the token of an accepted request. */
	public static final String ATTRIBUTE = VerifiedAccessToken.class.getName();

	public VerifiedAccessToken {
		scopes = List.copyOf(scopes);
		claims = Map.copyOf(claims);
	}

}
