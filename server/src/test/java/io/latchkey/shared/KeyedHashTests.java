package io.latchkey.shared;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyed hash is plain HMAC-SHA256, and a purpose's key is HMAC-SHA256 of the purpose
 * under the master key, as it always was: hashes already stored stay valid.
 */
class KeyedHashTests {

	private static final byte[] MASTER = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	@Test
	void isHmacSha256() {
		// RFC 4231, test case 2
		KeyedHash hash = KeyedHash.withKey("Jefe".getBytes(StandardCharsets.US_ASCII));

		assertThat(hash.hex("what do ya want for nothing?"))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
		assertThat(hash.bytes("what do ya ".getBytes(StandardCharsets.US_ASCII),
				"want for nothing?".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(hash.bytes("what do ya want for nothing?"));
	}

	@Test
	void aPurposeKeyIsTheHmacOfThePurposeUnderTheMasterKey() throws Exception {
		MasterKey masterKey = new MasterKey(new LatchkeyProperties(URI.create("http://localhost:9000"),
				Path.of("unused"), Base64.getEncoder().encodeToString(MASTER)));

		String expected = hmacHex(hmac(MASTER, "audit-chain".getBytes(StandardCharsets.UTF_8)), "record");

		assertThat(masterKey.keyedHash("audit-chain").hex("record")).isEqualTo(expected);
		assertThat(masterKey.keyedHash("client-secret-hmac").hex("record")).isNotEqualTo(expected);
	}

	@Test
	void matchesOnlyTheValueThatWasHashed() {
		KeyedHash hash = KeyedHash.withKey(MASTER);

		assertThat(hash.matches(hash.bytes("secret"), "secret")).isTrue();
		assertThat(hash.matches(hash.bytes("secret"), "Secret")).isFalse();
		assertThat(hash.matchesHex(hash.hex("secret"), "secret")).isTrue();
		assertThat(hash.matchesHex(hash.hex("secret"), "secrets")).isFalse();
		assertThat(hash.matchesHex("", "secret")).isFalse();
	}

	private static String hmacHex(byte[] key, String value) throws Exception {
		return HexFormat.of().formatHex(hmac(key, value.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] hmac(byte[] key, byte[] value) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(value);
	}

}
