package io.latchkey.shared;

import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import java.util.function.Supplier;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the Amazon Corretto Crypto Provider (AWS-LC, native code) the first security
 * provider when its native library loads and passes its self-tests: it signs ES256 in
 * about a tenth of the JDK's time. Where it does not load (another platform, a missing
 * library) or with {@code latchkey.crypto.native-provider=false}, the JDK's providers
 * stay in charge; both produce the same standard signatures.
 * <p>
 * Providers are global to the JVM, so this runs once the settings are read and before the
 * application context makes any key.
 */
public class NativeCryptoProvider implements EnvironmentPostProcessor {

	static final String SETTING = "latchkey.crypto.native-provider";

	private final Log logger;

	public NativeCryptoProvider(DeferredLogFactory logs) {
		this.logger = logs.getLog(NativeCryptoProvider.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(SETTING, Boolean.class, true)) {
			this.logger.info("Cryptography by the JDK's providers (" + SETTING + "=false)");
			return;
		}
		Optional<String> failure = register(() -> AmazonCorrettoCryptoProvider.INSTANCE);
		if (failure.isEmpty()) {
			Provider provider = Security.getProviders()[0];
			this.logger.info("Cryptography by " + provider.getName() + " " + provider.getVersionStr()
					+ " first, the JDK's providers after it");
		}
		else {
			this.logger.warn(
					"Cryptography by the JDK's providers: the native provider is unavailable (" + failure.get() + ")");
		}
	}

	/**
	 * Puts the provider first unless it failed to load or to pass its self-tests.
	 * @return why it was not registered, or empty when it is registered
	 */
	static synchronized Optional<String> register(Supplier<AmazonCorrettoCryptoProvider> candidate) {
		try {
			AmazonCorrettoCryptoProvider provider = candidate.get();
			if (provider.getLoadingError() != null) {
				return Optional.of(String.valueOf(provider.getLoadingError()));
			}
			provider.assertHealthy();
			if (Security.getProviders()[0] != provider) {
				Security.removeProvider(provider.getName());
				Security.insertProviderAt(provider, 1);
			}
			return Optional.empty();
		}
		catch (LinkageError | RuntimeException ex) {
			return Optional.of(String.valueOf(ex));
		}
	}

}
