package io.latchkey.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;

import io.latchkey.authorization.GenuineSigningKeys;
import io.latchkey.shared.LatchkeyProperties;
import io.latchkey.shared.MasterKey;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/**
 * The command {@code audit verify}: checks the audit chain in the configured database
 * without starting the server, prints one line and exits 0 when the chain is intact, 1
 * when it is broken and 2 when it cannot be checked.
 */
public final class AuditCommand {

	public static final int VALID = 0;

	public static final int BROKEN = 1;

	public static final int FAILED = 2;

	private AuditCommand() {
	}

	/** Whether the arguments ask for this command rather than the server. */
	public static boolean matches(String... args) {
		return args.length >= 2 && "audit".equals(args[0]) && "verify".equals(args[1]);
	}

	/**
	 * Runs the command; arguments after {@code audit verify} are settings such as
	 * {@code --spring.datasource.url=…}.
	 */
	public static int run(PrintStream out, String... args) {
		String[] settings = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VerifyContext.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN")
			.run(settings)) {
			LatchkeyProperties properties = context.getBean(LatchkeyProperties.class);
			boolean keyGiven = properties.masterKey() != null && !properties.masterKey().isBlank();
			if (!keyGiven && !Files.exists(properties.dataDir().resolve("master.key"))) {
				out.println(
						"audit chain could not be checked: no master key (set LATCHKEY_MASTER_KEY or latchkey.data-dir)");
				return FAILED;
			}
			ChainVerification verification = context.getBean(AuditChain.class).verify();
			out.println(verification.summary());
			return verification.valid() ? VALID : BROKEN;
		}
		catch (RuntimeException ex) {
			out.println("audit chain could not be checked: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return FAILED;
		}
	}

	/**
	 * Just the database, the keys and the chain check: no server, no schema migration, no
	 * bootstrap. The master key is read lazily, after the command checked that there is
	 * one, so that none is generated here.
	 */
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			JdbcClientAutoConfiguration.class })
	@EnableConfigurationProperties(LatchkeyProperties.class)
	@Import({ AuditChain.class, AuditCheckpoints.class, ChainKey.class, GenuineSigningKeys.class, MasterKey.class })
	@Lazy
	static class VerifyContext {

	}

}
