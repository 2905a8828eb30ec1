package io.latchkey.device;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.latchkey.test.PersonAtBrowser;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A desktop program asks for {@code openid} through the device grant and validates the ID
 * token with a certified OpenID Connect client library (Nimbus OAuth 2.0 SDK), as a real
 * relying party would; refresh and userinfo keep working.
 */
class DeviceOpenIdTests extends ServerTestSupport {

	@Test
	void deviceGrantWithOpenIdAnswersWithAnIdTokenThatAnOidcLibraryAccepts() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String clientId = "oidc-desktop-" + suffix;
		String username = "dev.oidc." + suffix;
		String admin = adminToken();
		DeviceClients.publicClient(clientId)
			.scopes("openid", "profile", "fhirUser", "patient/*.rs", "offline_access")
			.register(this.http, admin);
		Response created = this.http.postJson("/api/admin/users", Map.of("username", username, "password",
				"a long device password", "roles", List.of("patient"), "patient", "pat-" + suffix), "Authorization",
				bearer(admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Issuer issuer = new Issuer(this.http.get("/.well-known/openid-configuration").json().get("issuer").asString());
		ClientID client = new ClientID(clientId);

		DeviceAuthorizationResponse asked = DeviceAuthorizationResponse
			.parse(new DeviceAuthorizationRequest.Builder(client).endpointURI(endpoint("/oauth2/device_authorization"))
				.scope(new Scope("openid", "profile", "fhirUser", "patient/*.rs", "offline_access"))
				.build()
				.toHTTPRequest()
				.send());
		assertThat(asked.indicatesSuccess()).as(String.valueOf(asked)).isTrue();
		DeviceAuthorizationSuccessResponse device = asked.toSuccessResponse();
		PersonAtBrowser person = new PersonAtBrowser(this.http, username, "a long device password");
		Response done = person.approve(person.enter(device.getUserCode().getValue()));
		assertThat(done.body()).contains("Device connected");
		Thread.sleep(1100);

		TokenResponse polled = OIDCTokenResponseParser
			.parse(new TokenRequest(endpoint("/oauth2/token"), client, new DeviceCodeGrant(device.getDeviceCode()))
				.toHTTPRequest()
				.send());
		assertThat(polled.indicatesSuccess()).as(String.valueOf(polled)).isTrue();
		OIDCTokenResponse tokens = (OIDCTokenResponse) polled.toSuccessResponse();
		IDTokenValidator validator = new IDTokenValidator(issuer, client, JWSAlgorithm.RS256,
				new URL(this.http.base() + "/oauth2/jwks"));
		IDTokenClaimsSet claims = validator.validate(tokens.getOIDCTokens().getIDToken(), null);
		assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
		assertThat(UUID.fromString(claims.getSubject().getValue())).as("sub is the account id").isNotNull();
		assertThat(claims.getAudience()).extracting(Object::toString).containsExactly(clientId);
		assertThat(claims.getAuthenticationTime()).isNotNull();
		assertThat(claims.getIssueTime()).isNotNull();
		assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
		assertThat(claims.getStringClaim("fhirUser")).isEqualTo("Patient/pat-" + suffix);

		UserInfoResponse userInfo = UserInfoResponse.parse(
				new UserInfoRequest(endpoint("/userinfo"), (BearerAccessToken) tokens.getOIDCTokens().getAccessToken())
					.toHTTPRequest()
					.send());
		assertThat(userInfo.indicatesSuccess()).as(String.valueOf(userInfo)).isTrue();
		assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject()).isEqualTo(claims.getSubject());

		TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(endpoint("/oauth2/token"), client,
				new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
			.toHTTPRequest()
			.send());
		assertThat(refreshed.indicatesSuccess()).as(String.valueOf(refreshed)).isTrue();
		JWT refreshedIdToken = ((OIDCTokenResponse) refreshed.toSuccessResponse()).getOIDCTokens().getIDToken();
		IDTokenClaimsSet again = validator.validate(refreshedIdToken, null);
		assertThat(again.getSubject()).isEqualTo(claims.getSubject());
		assertThat(again.getAuthenticationTime()).isEqualTo(claims.getAuthenticationTime());
	}

	@Test
	void openIdIsRefusedToADeviceClientNotRegisteredForIt() {
		String clientId = "plain-desktop-" + UUID.randomUUID().toString().substring(0, 8);
		DeviceClients.publicClient(clientId).register(this.http, adminToken());

		Response refused = this.http.postForm("/oauth2/device_authorization",
				Map.of("client_id", clientId, "scope", "openid patient/*.rs"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).isEqualTo("invalid_scope");
	}

	private URI endpoint(String path) {
		return URI.create(this.http.base() + path);
	}

}
