package io.latchkey.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Time to sign one access-token-sized JWS with Nimbus, as the server does, on the JDK's
 * providers and on the Amazon Corretto Crypto Provider: a timed loop, not an asserted
 * test. Prints the median of several rounds in CPU microseconds per signature.
 * <p>
 * {@code java --enable-native-access=ALL-UNNAMED -cp bench/target/latchkey-bench.jar
 * io.latchkey.bench.SigningTimes [CPU seconds per round]}
 */
public final class SigningTimes {

	private static final int ROUNDS = 5;

	private SigningTimes() {
	}

	public static void main(String[] args) throws Exception {
		double seconds = (args.length > 0) ? Double.parseDouble(args[0]) : 2;
		AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
		if (accp.getLoadingError() != null) {
			System.err.println("native provider unavailable: " + accp.getLoadingError());
		}
		ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
		RSAKey rsa = new RSAKeyGenerator(2048).generate();
		Payload payload = new Payload("{\"iss\":\"http://localhost:9000\",\"sub\":\"latchkey-admin\","
				+ "\"aud\":\"latchkey-admin\",\"scope\":[\"latchkey:admin\"],\"nbf\":1795000000,"
				+ "\"exp\":1795000300,\"iat\":1795000000,\"jti\":\"3f1c0b7e-9a2d-4c1e-8f0a-6b5d4e3c2a19\"}");
		System.out.printf(Locale.ROOT, "%d processors, Java %s, load average %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version(), Bench.loadAverage());
		System.out.println("| signature | provider | CPU µs per signature (median of " + ROUNDS + " rounds) |");
		System.out.println("|---|---|--:|");
		List<Provider> providers = new ArrayList<>(List.of(Security.getProvider("SunEC")));
		if (accp.getLoadingError() == null) {
			providers.add(accp);
		}
		for (Provider provider : providers) {
			ECDSASigner signer = new ECDSASigner(ec);
			signer.getJCAContext().setProvider(provider);
			print("ES256", provider, time(signer, JWSAlgorithm.ES256, payload, seconds));
		}
		providers.set(0, Security.getProvider("SunRsaSign"));
		for (Provider provider : providers) {
			RSASSASigner signer = new RSASSASigner(rsa);
			signer.getJCAContext().setProvider(provider);
			print("RS256", provider, time(signer, JWSAlgorithm.RS256, payload, seconds));
		}
	}

	private static double time(JWSSigner signer, JWSAlgorithm algorithm, Payload payload, double seconds)
			throws JOSEException {
		JWSHeader header = new JWSHeader.Builder(algorithm).keyID("k").build();
		loop(signer, header, payload, (long) (seconds * 1e9));
		double[] rounds = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			rounds[i] = loop(signer, header, payload, (long) (seconds * 1e9));
		}
		Arrays.sort(rounds);
		return rounds[ROUNDS / 2];
	}

	/** Signs for about the given time; returns microseconds per signature. */
	private static double loop(JWSSigner signer, JWSHeader header, Payload payload, long nanos) throws JOSEException {
		long start = System.nanoTime();
		long count = 0;
		long elapsed;
		do {
			for (int i = 0; i < 50; i++) {
				JWSObject jws = new JWSObject(header, payload);
				jws.sign(signer);
			}
			count += 50;
			elapsed = System.nanoTime() - start;
		}
		while (elapsed < nanos);
		return elapsed / 1e3 / count;
	}

	private static void print(String signature, Provider provider, double micros) {
		System.out.printf(Locale.ROOT, "| %s | %s | %.1f |%n", signature, provider.getName(), micros);
	}

}
