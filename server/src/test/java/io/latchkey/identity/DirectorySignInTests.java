package io.latchkey.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.test.TcpProxy;
import io.latchkey.test.TestDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Directory sign-in against a real LDAP server: search then bind, group to role mapping,
 * TLS, Active Directory mode, and outages.
 */
class DirectorySignInTests {

	private static TestDirectory directory;

	private final List<Object> events = new ArrayList<>();

	@BeforeAll
	static void startDirectory() {
		directory = TestDirectory.start();
	}

	@AfterAll
	static void stopDirectory() {
		directory.stop();
	}

	@Test
	void bindsAsTheFoundEntryAndNamesThePersonByEntryUuid() {
		Authentication alice = signIn(ldap(), "alice", TestDirectory.PASSWORDS.get("alice"));

		SignedInPerson person = SignedInPerson.of(alice);
		assertThat(person.subject()).isEqualTo(directory.entryUuid("alice"));
		assertThat(person.username()).isEqualTo("alice");
		assertThat(person.directory()).isEqualTo("ldap");
		assertThat(person.roles()).containsExactly("admin");
		assertThat(alice.getCredentials()).isNull();
		assertThat(this.events).singleElement()
			.isEqualTo(new StaffSignedIn(person.subject(), "alice", "ldap", ((StaffSignedIn) this.events.get(0)).at()));
	}

	@Test
	void groupsMapToRolesIncludingCustomOnes() {
		assertThat(SignedInPerson.of(signIn(ldap(), "bob", TestDirectory.PASSWORDS.get("bob"))).roles())
			.containsExactly("researcher", "staff");
	}

	@Test
	void wrongPasswordIsRefusedAndAuditedWithoutThePassword() {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> signIn(ldap(), "alice", "not-alices-password"));

		StaffSignInFailed failed = (StaffSignInFailed) this.events.get(0);
		assertThat(failed.reason()).isEqualTo("bad-credentials");
		assertThat(failed.directories()).containsExactly("local", "ldap");
		assertThat(failed.toString()).doesNotContain("not-alices-password").doesNotContain("alice,");
	}

	@Test
	void unknownUserIsRefusedLikeAWrongPassword() {
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> signIn(ldap(), "mallory", "guess"));
	}

	@Test
	void personInNoMappedGroupIsRefused() {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> signIn(ldap(), "carol", TestDirectory.PASSWORDS.get("carol")));
		assertThat(((StaffSignInFailed) this.events.get(0)).reason()).isEqualTo("no-mapped-group");
	}

	@Test
	void ldapsWithTheConfiguredTrustStore() {
		Map<String, String> settings = ldap();
		settings.put("urls", directory.ldapsUrl());
		trust(settings);

		assertThat(SignedInPerson.of(signIn(settings, "alice", TestDirectory.PASSWORDS.get("alice"))).roles())
			.containsExactly("admin");
	}

	@Test
	void startTlsWithTheConfiguredTrustStore() {
		Map<String, String> settings = ldap();
		settings.put("start-tls", "true");
		trust(settings);

		assertThat(SignedInPerson.of(signIn(settings, "bob", TestDirectory.PASSWORDS.get("bob"))).username())
			.isEqualTo("bob");
	}

	@Test
	void anUntrustedCertificateIsADirectoryFailureNotAWrongPassword() {
		Map<String, String> settings = ldap();
		settings.put("urls", directory.ldapsUrl());

		assertThatExceptionOfType(DirectoryUnavailableException.class)
			.isThrownBy(() -> signIn(settings, "alice", TestDirectory.PASSWORDS.get("alice")));
	}

	@Test
	void failsOverToTheNextUrl() throws IOException {
		Map<String, String> settings = ldap();
		settings.put("urls", "ldap://localhost:" + TestDirectory.freePort() + "," + directory.ldapUrl());

		assertThat(SignedInPerson.of(signIn(settings, "alice", TestDirectory.PASSWORDS.get("alice"))).roles())
			.containsExactly("admin");
	}

	@Test
	void directoryDownIsACleanUnavailableError() throws IOException {
		Map<String, String> settings = ldap();
		settings.put("urls", "ldap://localhost:" + TestDirectory.freePort());

		assertThatExceptionOfType(DirectoryUnavailableException.class)
			.isThrownBy(() -> signIn(settings, "alice", TestDirectory.PASSWORDS.get("alice")))
			.withMessageNotContaining(TestDirectory.PASSWORDS.get("alice"));
		assertThat(this.events).first().isInstanceOf(DirectoryUnavailable.class);
		assertThat(this.events).last()
			.isInstanceOfSatisfying(StaffSignInFailed.class,
					(failed) -> assertThat(failed.reason()).isEqualTo("directory-unavailable"));
	}

	@Test
	void aDirectoryThatNeverAnswersIsGivenUpOnWithinTheReadTimeout() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> acceptAndSayNothing(silent));
			Map<String, String> settings = ldap();
			settings.put("urls", "ldap://localhost:" + silent.getLocalPort());
			settings.put("read-timeout", "PT1S");
			long started = System.nanoTime();

			assertThatExceptionOfType(DirectoryUnavailableException.class)
				.isThrownBy(() -> signIn(settings, "alice", TestDirectory.PASSWORDS.get("alice")));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void plainLdapWithoutStartTlsIsRefusedAtStartUnlessAllowed() {
		Map<String, String> plain = ldap();
		plain.remove("allow-plaintext");

		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settings(plain))
			.havingRootCause()
			.withMessageContaining("allow-plaintext")
			.withMessageContaining("start-tls");
		Map<String, String> startTls = ldap();
		startTls.remove("allow-plaintext");
		startTls.put("start-tls", "true");
		assertThat(settings(startTls).startTls()).isTrue();
		Map<String, String> ldaps = ldap();
		ldaps.remove("allow-plaintext");
		ldaps.put("urls", directory.ldapsUrl());
		assertThat(settings(ldaps).urls()).containsExactly(directory.ldapsUrl());
	}

	@Test
	void aGroupWithAMappedNameOutsideTheGroupBaseMapsToNoRole() {
		addSelfServiceAdminsGroupWithEve();

		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> signIn(ldap(), "eve", "eve-directory-password"));
		assertThat(((StaffSignInFailed) this.events.get(0)).reason()).isEqualTo("no-mapped-group");
		Map<String, String> activeDirectory = activeDirectory();
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> signIn(activeDirectory, "eve", "eve-directory-password"));
		activeDirectory.put("nested-groups", "true");
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> signIn(activeDirectory, "eve", "eve-directory-password"));
	}

	@Test
	void groupDnsCompareAsDnsWhateverTheirCaseAndSpacing() {
		DirectorySettings settings = settings(ldap());

		assertThat(settings.roleFor("CN=Latchkey-Admins, OU=groups,DC=Example,dc=ORG")).isEqualTo("admin");
		assertThat(settings.roleFor("cn=latchkey-admins,ou=self-service,ou=groups,dc=example,dc=org")).isNull();
		assertThat(settings.roleFor("cn=latchkey-admins,ou=groups,dc=example,dc=com")).isNull();
		assertThat(settings.roleFor("ou=latchkey-admins,ou=groups,dc=example,dc=org")).isNull();
		assertThat(settings.roleFor("latchkey-admins")).isNull();
		assertThat(settings.roleFor("not a dn")).isNull();
	}

	@Test
	void theBindAccountsConnectionsArePooledAndEachPasswordGetsItsOwnBind() {
		int directoryPort = java.net.URI.create(directory.ldapUrl()).getPort();
		try (TcpProxy proxy = new TcpProxy("localhost", directoryPort)) {
			Map<String, String> settings = ldap();
			settings.put("urls", "ldap://localhost:" + proxy.port());
			int signIns = 6;

			for (int i = 0; i < signIns; i++) {
				String who = (i % 2 == 0) ? "alice" : "bob";
				assertThat(SignedInPerson.of(signIn(settings, who, TestDirectory.PASSWORDS.get(who))).username())
					.isEqualTo(who);
			}
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> signIn(settings, "alice", "bob-directory-password"));

			// Unpooled, each sign-in opens three: user search, the person's
			// bind, group search.
			assertThat(proxy.connectionsAccepted()).isLessThanOrEqualTo(signIns + 1 + 2);
		}
	}

	@Test
	void activeDirectoryModeBindsAsUserPrincipalNameAndNamesByObjectGuid() {
		Authentication alice = signIn(activeDirectory(), "alice", TestDirectory.PASSWORDS.get("alice"));

		SignedInPerson person = SignedInPerson.of(alice);
		assertThat(person.subject()).isEqualTo("03020100-0504-0706-0809-0a0b0c0d0e0f");
		assertThat(person.directory()).isEqualTo("active-directory");
		assertThat(person.roles()).containsExactly("admin");
	}

	@Test
	void activeDirectoryModeBySamAccountNameWithNestedGroups() {
		Map<String, String> settings = activeDirectory();
		settings.put("user-search-filter", "(&(objectClass=user)(sAMAccountName={1}))");
		settings.put("nested-groups", "true");

		assertThat(SignedInPerson.of(signIn(settings, "dave", TestDirectory.PASSWORDS.get("dave"))).roles())
			.containsExactly("staff");
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> signIn(settings, "dave", "wrong"));
	}

	@Test
	void activeDirectoryModeWithoutNestedGroupsSeesOnlyDirectGroups() {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> signIn(activeDirectory(), "dave", TestDirectory.PASSWORDS.get("dave")));
	}

	@Test
	void lookupReadsAPersonAgainByTheirStableIdInBothModes() {
		DirectoryLookup ldap = DirectoryProviders.lookup(settings(ldap()));
		assertThat(ldap.find(directory.entryUuid("alice"))).hasValueSatisfying((alice) -> {
			assertThat(alice.loginName()).isEqualTo("alice");
			assertThat(SignedInPerson.roles(alice.getAuthorities())).containsExactly("admin");
		});
		assertThat(ldap.find("00000000-0000-4000-8000-000000000000")).isEmpty();
		assertThat(ldap.find(directory.entryUuid("carol"))).as("in no mapped group").isEmpty();

		DirectoryLookup activeDirectory = DirectoryProviders.lookup(settings(activeDirectory()));
		assertThat(activeDirectory.find("03020100-0504-0706-0809-0a0b0c0d0e0f")).hasValueSatisfying((alice) -> {
			assertThat(alice.loginName()).isEqualTo("alice");
			assertThat(SignedInPerson.roles(alice.getAuthorities())).containsExactly("admin");
		});
		assertThat(activeDirectory.find("00000000-0000-4000-8000-000000000000")).isEmpty();
	}

	private static DirectorySettings settings(Map<String, String> properties) {
		Map<String, String> prefixed = new HashMap<>();
		properties.forEach((key, value) -> prefixed.put("latchkey.ldap." + key, value));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bind("latchkey.ldap", DirectorySettings.class)
			.get();
	}

	private Authentication signIn(Map<String, String> properties, String username, String password) {
		DirectorySettings settings = settings(properties);
		PasswordSignIn signIn = new PasswordSignIn(
				List.of(new PasswordSignIn.Source("local", false, new NoLocalAccounts()),
						new PasswordSignIn.Source(settings.name(), true, DirectoryProviders.create(settings))),
				new Unlimited(), this.events::add, Clock.systemUTC());
		return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
	}

	/**
	 * Eve may create groups in a self-service branch under the groups, and made one named
	 * like the admins' group.
	 */
	private static synchronized void addSelfServiceAdminsGroupWithEve() {
		if (directory.hasEntry("uid=eve,ou=people," + TestDirectory.BASE_DN)) {
			return;
		}
		directory.add("dn: ou=self-service,ou=groups,dc=example,dc=org", "objectClass: organizationalUnit",
				"ou: self-service", "", "dn: uid=eve,ou=people,dc=example,dc=org", "objectClass: inetOrgPerson",
				"objectClass: user", "uid: eve", "cn: Eve Outsider", "sn: Outsider",
				"userPassword: eve-directory-password", "sAMAccountName: eve", "userPrincipalName: eve@example.org",
				"objectGUID:: QEFCQ0RFRkdISUpLTE1OTw==",
				"memberOf: cn=latchkey-admins,ou=self-service,ou=groups,dc=example,dc=org", "",
				"dn: cn=latchkey-admins,ou=self-service,ou=groups,dc=example,dc=org", "objectClass: groupOfNames",
				"objectClass: group", "cn: latchkey-admins", "member: uid=eve,ou=people,dc=example,dc=org");
	}

	private static Map<String, String> ldap() {
		Map<String, String> settings = new HashMap<>();
		settings.put("enabled", "true");
		settings.put("urls", directory.ldapUrl());
		settings.put("base-dn", TestDirectory.BASE_DN);
		settings.put("bind-dn", TestDirectory.BIND_DN);
		settings.put("bind-password", TestDirectory.BIND_PASSWORD);
		settings.put("user-search-base", "ou=people");
		settings.put("group-search-base", "ou=groups");
		settings.put("group-roles.latchkey-admins", "admin");
		settings.put("group-roles.clinic-staff", "staff");
		settings.put("group-roles.study-team", "researcher");
		settings.put("connect-timeout", "PT1S");
		settings.put("read-timeout", "PT2S");
		// The test directory listens on loopback without TLS.
		settings.put("allow-plaintext", "true");
		return settings;
	}

	private static Map<String, String> activeDirectory() {
		Map<String, String> settings = ldap();
		settings.put("mode", "active-directory");
		settings.put("domain", "example.org");
		settings.remove("user-search-base");
		return settings;
	}

	private static void trust(Map<String, String> settings) {
		settings.put("trust-store", "file:" + directory.trustStore());
		settings.put("trust-store-password", TestDirectory.TRUST_STORE_PASSWORD);
	}

	private static void acceptAndSayNothing(ServerSocket server) {
		List<Socket> held = new ArrayList<>();
		try {
			while (true) {
				held.add(server.accept());
			}
		}
		catch (IOException ex) {
			// The test closed the socket.
		}
	}

	/** No budgets: these tests are about the directory's answers, not about limits. */
	private static final class Unlimited extends SignInLimits {

		Unlimited() {
			super(null, null);
		}

		@Override
		Attempt admit(String username, String address, @Nullable String deviceCookie) {
			return new Attempt(username, address, null);
		}

		@Override
		void succeeded(Attempt attempt) {
		}

	}

	/** Local accounts with nobody in them, so the directory decides. */
	private static final class NoLocalAccounts
			implements org.springframework.security.authentication.AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			throw new UsernameNotFoundException("no local account");
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}

	}

}
