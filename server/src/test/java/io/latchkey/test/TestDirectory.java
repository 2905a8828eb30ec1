package io.latchkey.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real LDAP server in memory (UnboundID) with the people and groups of
 * {@code directory/example.ldif}: plain LDAP with StartTLS, LDAPS with a certificate made
 * for the run, and Active Directory's way of binding as {@code user@domain}.
 */
public final class TestDirectory {

	public static final String BASE_DN = "dc=example,dc=org";

	public static final String BIND_DN = "cn=latchkey-search,ou=people,dc=example,dc=org";

	public static final String BIND_PASSWORD = "search-account-password";

	public static final String TRUST_STORE_PASSWORD = "trust-store-password";

	/** Passwords of the directory's people, as in the LDIF. */
	public static final Map<String, String> PASSWORDS = Map.of("alice", "alice-directory-password", "bob",
			"bob-directory-password", "carol", "carol-directory-password", "dave", "dave-directory-password");

	private final InMemoryDirectoryServer server;

	private final int ldapPort;

	private final int ldapsPort;

	private final Path trustStore;

	private TestDirectory(InMemoryDirectoryServer server, int ldapPort, int ldapsPort, Path trustStore) {
		this.server = server;
		this.ldapPort = ldapPort;
		this.ldapsPort = ldapsPort;
		this.trustStore = trustStore;
	}

	public static TestDirectory start() {
		try {
			Path dir = Files.createTempDirectory("latchkey-directory");
			Path keyStore = dir.resolve("server.p12");
			Path trustStore = dir.resolve("trust.p12");
			certificate(keyStore, trustStore);
			SSLUtil serverTls = new SSLUtil(
					new KeyStoreKeyManager(keyStore.toFile(), "key-store-password".toCharArray(), "PKCS12", "server"),
					new TrustAllTrustManager());
			SSLUtil clientTls = new SSLUtil(new TrustAllTrustManager());
			int ldapPort = freePort();
			int ldapsPort = freePort();
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
			// No schema: Active Directory's attributes sit next to OpenLDAP's, as in a
			// mixed test tree.
			config.setSchema(null);
			config.setListenerConfigs(
					InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), ldapPort,
							serverTls.createSSLSocketFactory()),
					InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), ldapsPort,
							serverTls.createSSLServerSocketFactory(), clientTls.createSSLSocketFactory()));
			config.addInMemoryOperationInterceptor(new UserPrincipalNameBind());
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			try (InputStream ldif = TestDirectory.class.getResourceAsStream("/directory/example.ldif")) {
				server.importFromLDIF(true, new LDIFReader(ldif));
			}
			server.startListening();
			return new TestDirectory(server, ldapPort, ldapsPort, trustStore);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the test directory", ex);
		}
	}

	public String ldapUrl() {
		return "ldap://localhost:" + this.ldapPort;
	}

	public String ldapsUrl() {
		return "ldaps://localhost:" + this.ldapsPort;
	}

	public Path trustStore() {
		return this.trustStore;
	}

	/** The server-generated {@code entryUUID} of a person. */
	public String entryUuid(String uid) {
		try {
			return this.server.getEntry("uid=" + uid + ",ou=people," + BASE_DN).getAttributeValue("entryUUID");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean hasEntry(String dn) {
		try {
			return this.server.getEntry(dn) != null;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Points a server at this directory in LDAP mode: search with the bind account,
	 * groups {@code latchkey-admins} and {@code clinic-staff} mapped to {@code admin} and
	 * {@code staff}, short timeouts.
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("latchkey.ldap.enabled", () -> "true");
		registry.add("latchkey.ldap.urls", this::ldapUrl);
		registry.add("latchkey.ldap.base-dn", () -> TestDirectory.BASE_DN);
		registry.add("latchkey.ldap.bind-dn", () -> TestDirectory.BIND_DN);
		registry.add("latchkey.ldap.bind-password", () -> TestDirectory.BIND_PASSWORD);
		registry.add("latchkey.ldap.user-search-base", () -> "ou=people");
		registry.add("latchkey.ldap.group-search-base", () -> "ou=groups");
		registry.add("latchkey.ldap.group-roles.latchkey-admins", () -> "admin");
		registry.add("latchkey.ldap.group-roles.clinic-staff", () -> "staff");
		registry.add("latchkey.ldap.connect-timeout", () -> "PT1S");
		registry.add("latchkey.ldap.read-timeout", () -> "PT2S");
		registry.add("latchkey.ldap.allow-plaintext", () -> "true");
	}

	/** Deletes a person's entry, as when someone leaves the organisation. */
	public void remove(String uid) {
		try {
			this.server.delete("uid=" + uid + ",ou=people," + BASE_DN);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Adds entries written as LDIF lines, entries separated by an empty line. */
	public void add(String... ldifLines) {
		try {
			this.server.importFromLDIF(false,
					new LDIFReader(new java.io.BufferedReader(new java.io.StringReader(String.join("\n", ldifLines)))));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Takes a person out of a group (its {@code member} and their {@code memberOf}). */
	public void removeFromGroup(String uid, String group) {
		String person = "uid=" + uid + ",ou=people," + BASE_DN;
		String groupDn = "cn=" + group + ",ou=groups," + BASE_DN;
		try {
			this.server.modify(groupDn, new Modification(ModificationType.DELETE, "member", person));
			this.server.modify(person, new Modification(ModificationType.DELETE, "memberOf", groupDn));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stops answering, as a directory does when it is down. */
	public void stop() {
		this.server.shutDown(true);
	}

	public void restart() {
		try {
			this.server.startListening();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A port nothing listens on. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void certificate(Path keyStore, Path trustStore) throws Exception {
		OutputStream out = new ByteArrayOutputStream();
		var result = ManageCertificates.main(InputStream.nullInputStream(), out, out,
				"generate-self-signed-certificate", "--keystore", keyStore.toString(), "--keystore-password",
				"key-store-password", "--keystore-type", "PKCS12", "--alias", "server", "--subject-dn",
				"CN=localhost,O=Latchkey Tests", "--subject-alternative-name-dns", "localhost",
				"--subject-alternative-name-ip-address", "127.0.0.1", "--key-algorithm", "EC", "--key-size-bits", "256",
				"--signature-algorithm", "SHA256withECDSA", "--days-valid", "2");
		if (result.intValue() != 0) {
			throw new IllegalStateException("Certificate generation failed: " + out);
		}
		KeyStore server = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			server.load(in, "key-store-password".toCharArray());
		}
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("directory", server.getCertificate("server"));
		try (OutputStream file = Files.newOutputStream(trustStore)) {
			trust.store(file, TRUST_STORE_PASSWORD.toCharArray());
		}
	}

	/**
	 * Active Directory accepts {@code user@domain} as a bind name; this server needs a
	 * DN.
	 */
	private static final class UserPrincipalNameBind extends InMemoryOperationInterceptor {

		@Override
		public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
			SimpleBindRequest bind = request.getRequest();
			String name = bind.getBindDN();
			int at = name.indexOf('@');
			if (at > 0) {
				String uid = name.substring(0, at).toLowerCase(Locale.ROOT);
				request.setRequest(
						new SimpleBindRequest("uid=" + uid + ",ou=people," + BASE_DN, bind.getPassword().getValue()));
			}
		}

	}

}
