package io.latchkey.admin;

import java.io.PrintStream;
import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.latchkey.authorization.ClientRegistration;
import io.latchkey.authorization.ClientRegistrations;
import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.PasswordLimits;
import io.latchkey.identity.UserAccounts;
import io.latchkey.shared.Secrets;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} user, the {@code latchkey-admin} client and, on the embedded
 * database, the public {@code demo-app} client, the first time Latchkey starts against an
 * empty database. Generated secrets go to standard output once, never to the log. It runs
 * once every bean is ready and before the web server starts, so no request (and no
 * readiness probe) is answered before the admin client exists.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

	static final String ADMIN_USER = "admin";

	static final String ADMIN_CLIENT = "latchkey-admin";

	static final String DEMO_CLIENT = "demo-app";

	private final UserAccounts users;

	private final ClientRegistrations clients;

	private final BootstrapProperties properties;

	private final DataSource dataSource;

	private final PrintStream console = System.out;

	Bootstrap(UserAccounts users, ClientRegistrations clients, BootstrapProperties properties, DataSource dataSource) {
		this.users = users;
		this.clients = clients;
		this.properties = properties;
		this.dataSource = dataSource;
		if (properties.adminPassword() != null && !PasswordLimits.fitsHash(properties.adminPassword())) {
			throw new IllegalStateException("latchkey.bootstrap.admin-password (LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD) "
					+ "must have at most " + PasswordLimits.MAX_BYTES + " bytes in UTF-8");
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.users.exists(ADMIN_USER)) {
			String password = givenOrGenerated(this.properties.adminPassword());
			this.users.create(new NewUserAccount(ADMIN_USER, password, null, null, Set.of("admin"), null));
			if (this.properties.adminPassword() == null) {
				announce("Admin user '" + ADMIN_USER + "' created with password: " + password);
			}
		}
		if (this.clients.find(ADMIN_CLIENT).isEmpty()) {
			String secret = givenOrGenerated(this.properties.adminClientSecret());
			this.clients.register(ClientRegistration.confidential(ADMIN_CLIENT, "Latchkey administration",
					List.of("client_credentials"), Set.of("latchkey:admin")), secret);
			if (this.properties.adminClientSecret() == null) {
				announce("Admin client '" + ADMIN_CLIENT + "' created with secret: " + secret);
			}
		}
		if (demoClientWanted() && this.clients.find(DEMO_CLIENT).isEmpty()) {
			this.clients.register(ClientRegistration.publicNative(DEMO_CLIENT, "Latchkey demo app",
					List.of("http://127.0.0.1/callback"),
					Set.of("openid", "profile", "fhirUser", "offline_access", "launch/patient", "patient/*.rs")), null);
			announce("Public demo client '" + DEMO_CLIENT
					+ "' registered (redirect http://127.0.0.1:<any port>/callback)");
		}
	}

	private boolean demoClientWanted() {
		if (this.properties.demoClient() != null) {
			return this.properties.demoClient();
		}
		try {
			String product = JdbcUtils.extractDatabaseMetaData(this.dataSource,
					DatabaseMetaData::getDatabaseProductName);
			return "H2".equalsIgnoreCase(product);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database this is", ex);
		}
	}

	private static String givenOrGenerated(String given) {
		return (given != null && !given.isBlank()) ? given : Secrets.random(32);
	}

	private void announce(String line) {
		this.console.println("[latchkey bootstrap] " + line);
	}

}
