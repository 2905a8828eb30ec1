package io.latchkey.authorization.keys;

import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Locale;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tokens signed through the native crypto provider verify with other implementations:
 * Nimbus on BouncyCastle (pure Java) and on the JDK's own providers.
 */
class NativeSignatureTests extends ServerTestSupport {

	@Test
	void nativeProviderSignsEs256WhereItsLibraryLoads() throws Exception {
		assumeTrue(
				System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
						&& System.getProperty("os.arch").matches("amd64|x86_64"),
				"the provider ships for linux-x86_64 only");

		assertThat(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError()).isNull();
		assertThat(Security.getProviders()[0].getName()).isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
		assertThat(Signature.getInstance("SHA256withECDSA").getProvider().getName())
			.isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
	}

	@Test
	void accessTokenVerifiesWithBouncyCastleAndTheJdk() throws Exception {
		SignedJWT token = SignedJWT
			.parse(this.http.clientCredentialsToken("latchkey-admin", ADMIN_CLIENT_SECRET, "latchkey:admin"));
		JWKSet keys = JWKSet.parse(this.http.get("/oauth2/jwks").body());

		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		ECDSAVerifier bouncyCastle = new ECDSAVerifier(keys.getKeyByKeyId(token.getHeader().getKeyID()).toECKey());
		bouncyCastle.getJCAContext().setProvider(new BouncyCastleProvider());
		ECDSAVerifier jdk = new ECDSAVerifier(keys.getKeyByKeyId(token.getHeader().getKeyID()).toECKey());
		jdk.getJCAContext().setProvider(jdkProvider("SunEC"));
		assertVerifies(token, bouncyCastle, jdk);
	}

	@Test
	void idTokenVerifiesWithBouncyCastleAndTheJdk() throws Exception {
		Tokens tokens = new AuthorizationCodeFlow(this.http).signIn("admin", ADMIN_PASSWORD, "openid");
		SignedJWT token = SignedJWT.parse(tokens.idToken());
		JWKSet keys = JWKSet.parse(this.http.get("/oauth2/jwks").body());

		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		RSASSAVerifier bouncyCastle = new RSASSAVerifier(keys.getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey());
		bouncyCastle.getJCAContext().setProvider(new BouncyCastleProvider());
		RSASSAVerifier jdk = new RSASSAVerifier(keys.getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey());
		jdk.getJCAContext().setProvider(jdkProvider("SunRsaSign"));
		assertVerifies(token, bouncyCastle, jdk);
	}

	private static void assertVerifies(SignedJWT token, JWSVerifier... verifiers) throws Exception {
		String[] parts = token.serialize().split("\\.");
		String otherPayload = parts[1].substring(0, parts[1].length() - 2) + (parts[1].endsWith("A") ? "BB" : "AA");
		SignedJWT altered = SignedJWT.parse(parts[0] + "." + otherPayload + "." + parts[2]);
		for (JWSVerifier verifier : verifiers) {
			assertThat(token.verify(verifier)).as("verifies").isTrue();
			assertThat(altered.verify(verifier)).as("an altered payload fails").isFalse();
		}
	}

	private static Provider jdkProvider(String name) {
		Provider provider = Security.getProvider(name);
		assertThat(provider).as(name).isNotNull();
		return provider;
	}

}
