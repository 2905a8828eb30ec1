package io.latchkey.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;

/**
 * Redeems an invitation at {@code POST /api/invitation} with an S256 challenge made on
 * this device, then exchanges the code like any authorization code (RFC 7636). If the
 * answer is lost, redeeming again with the same challenge gets a fresh code, so the
 * verifier is kept for the retry.
 */
final class InvitationSignIn {

	private final OAuthClient client;

	InvitationSignIn(OAuthClient client) {
		this.client = client;
	}

	Tokens redeem(InvitationLink link) throws IOException {
		if (!link.issuer().getRawAuthority().equalsIgnoreCase(this.client.issuer().getRawAuthority())) {
			throw new IllegalArgumentException("the link is for " + link.host() + ", not this server");
		}
		CodeVerifier verifier = new CodeVerifier();
		String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("secret", link.value());
		fields.put("code_challenge", challenge);
		fields.put("code_challenge_method", "S256");
		if (this.client.fhirServer() != null) {
			fields.put("aud", this.client.fhirServer().toString());
		}
		String body = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(fields);
		URI redemption = URI.create(this.client.issuer().toString().replaceFirst("/$", "") + "/api/invitation");
		HttpRequest request = HttpRequest
			.withBody("POST", redemption, "application/json", body.getBytes(StandardCharsets.UTF_8))
			.withHeader("Accept", "application/json");
		HttpResponse response = send(request);
		Map<String, Object> redeemed = json(response);
		if (response.status() != 200) {
			Object error = redeemed.get("error");
			throw new AuthorizationError((error instanceof String text) ? text : "invalid_invitation",
					"the invitation was not accepted (" + response.status() + ")");
		}
		if (!this.client.clientId().equals(redeemed.get("client_id"))) {
			throw new IOException("the invitation is for another app: " + redeemed.get("client_id"));
		}
		if (!(redeemed.get("code") instanceof String code) || !(redeemed.get("redirect_uri") instanceof String uri)) {
			throw new IOException("the redemption answer has no code");
		}
		return this.client
			.requestTokens(new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(uri), verifier), null);
	}

	/**
	 * Sends once and, if the answer is lost, once more: the same challenge is honoured.
	 */
	private HttpResponse send(HttpRequest request) throws IOException {
		try {
			return this.client.transport().send(request);
		}
		catch (IOException ex) {
			if (ex instanceof java.io.InterruptedIOException) {
				throw ex;
			}
			return this.client.transport().send(request);
		}
	}

	private static Map<String, Object> json(HttpResponse response) throws IOException {
		try {
			return JSONObjectUtils.parse(response.bodyText());
		}
		catch (ParseException ex) {
			if (response.status() == 200) {
				throw new IOException("the redemption answer is not JSON");
			}
			return Map.of();
		}
	}

}
