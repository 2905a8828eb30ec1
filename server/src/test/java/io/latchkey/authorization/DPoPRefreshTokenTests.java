package io.latchkey.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.authorization.TokenChecks.PASSWORD;
import static io.latchkey.authorization.TokenChecks.error;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

class DPoPRefreshTokenTests extends ServerTestSupport {

	@Autowired
	UserAccounts accounts;

	@Test
	void publicClientRefreshesOnlyWithProofOfItsKey() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, "openid offline_access",
				TokenChecks.newPerson(this.accounts), PASSWORD);

		Response exchanged = flow.exchange(authorization, "DPoP", proof(key));

		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		Tokens tokens = Tokens.of(exchanged);
		assertThat(tokens.tokenType()).isEqualTo("DPoP");
		String thumbprint = key.computeThumbprint().toString();
		assertThat(JwtParts.claims(tokens.accessToken()).get("cnf").get("jkt").asString()).isEqualTo(thumbprint);

		Response withoutProof = flow.refresh(DEMO_CLIENT, tokens.refreshToken());
		assertThat(withoutProof.status()).as(withoutProof.body()).isEqualTo(400);
		assertThat(error(withoutProof)).isEqualTo("invalid_dpop_proof");

		Response withAnotherKey = flow.refresh(DEMO_CLIENT, tokens.refreshToken(), "DPoP",
				proof(new ECKeyGenerator(Curve.P_256).generate()));
		assertThat(withAnotherKey.status()).as(withAnotherKey.body()).isEqualTo(400);
		assertThat(error(withAnotherKey)).isEqualTo("invalid_dpop_proof");

		Response withTheKey = flow.refresh(DEMO_CLIENT, tokens.refreshToken(), "DPoP", proof(key));
		assertThat(withTheKey.status()).as(withTheKey.body()).isEqualTo(200);
		Tokens refreshed = Tokens.of(withTheKey);
		assertThat(refreshed.tokenType()).isEqualTo("DPoP");
		assertThat(JwtParts.claims(refreshed.accessToken()).get("cnf").get("jkt").asString()).isEqualTo(thumbprint);
		assertThat(refreshed.refreshToken()).isNotEqualTo(tokens.refreshToken());
		assertThat(flow.refresh(DEMO_CLIENT, refreshed.refreshToken()).status()).isEqualTo(400);
	}

	@Test
	void boundAccessTokenWorksAtUserInfoWithItsProof() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, "openid offline_access",
				TokenChecks.newPerson(this.accounts), PASSWORD);

		Response exchanged = flow.exchange(authorization, "DPoP", proof(key));

		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		Tokens tokens = Tokens.of(exchanged);
		assertThat(tokens.tokenType()).isEqualTo("DPoP");

		Response userInfo = this.http.get("/userinfo", "Authorization", "DPoP " + tokens.accessToken(), "DPoP",
				proof(key, "GET", this.http.base() + "/userinfo", tokens.accessToken()));
		assertThat(userInfo.status()).as(userInfo.body()).isEqualTo(200);
		assertThat(userInfo.json().get("sub").asString()).isNotBlank();

		Response withAnotherKey = this.http.get("/userinfo", "Authorization", "DPoP " + tokens.accessToken(), "DPoP",
				proof(new ECKeyGenerator(Curve.P_256).generate(), "GET", this.http.base() + "/userinfo",
						tokens.accessToken()));
		assertThat(withAnotherKey.status()).isEqualTo(401);

		Response withoutProof = this.http.get("/userinfo", "Authorization", "DPoP " + tokens.accessToken());
		assertThat(withoutProof.status()).isEqualTo(401);
	}

	/** A DPoP proof (RFC 9449 section 4.2) for a POST to the token endpoint. */
	private String proof(ECKey key) throws Exception {
		return proof(key, "POST", this.http.base() + "/oauth2/token", null);
	}

	private String proof(ECKey key, String method, String uri, String accessToken) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("htm", method)
			.claim("htu", uri)
			.issueTime(new Date())
			.jwtID(UUID.randomUUID().toString());
		if (accessToken != null) {
			claims.claim("ath", Base64URL
				.encode(MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII)))
				.toString());
		}
		SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
			.jwk(key.toPublicJWK())
			.build(), claims.build());
		proof.sign(new ECDSASigner(key));
		return proof.serialize();
	}

}
