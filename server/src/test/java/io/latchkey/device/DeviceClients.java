package io.latchkey.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;

import static io.latchkey.test.TestHttp.bearer;

/**
 * Registers device clients and people through the admin API, one field changed at a time:
 * {@code DeviceClients.publicClient("x").deviceCodeTtl(1).register(http, token)}.
 */
final class DeviceClients {

	private final Map<String, Object> body = new LinkedHashMap<>();

	private final Map<String, Object> tokenSettings = new LinkedHashMap<>();

	private DeviceClients(String clientId, String type) {
		this.body.put("client_id", clientId);
		this.body.put("client_name", "Ward Desktop " + clientId);
		this.body.put("type", type);
		this.body.put("redirect_uris", List.of());
		this.body.put("grant_types", List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token"));
		this.body.put("scopes", List.of("patient/*.rs", "offline_access"));
	}

	static DeviceClients publicClient(String clientId) {
		return new DeviceClients(clientId, "public");
	}

	static DeviceClients confidentialClient(String clientId) {
		return new DeviceClients(clientId, "confidential");
	}

	DeviceClients grantTypes(String... grantTypes) {
		this.body.put("grant_types", List.of(grantTypes));
		return this;
	}

	DeviceClients scopes(String... scopes) {
		this.body.put("scopes", List.of(scopes));
		return this;
	}

	DeviceClients deviceCodeTtl(long seconds) {
		this.tokenSettings.put("device_code_ttl", seconds);
		return this;
	}

	/** Registers the client; answers its secret, or null for a public client. */
	String register(TestHttp http, String adminToken) {
		if (!this.tokenSettings.isEmpty()) {
			this.body.put("token_settings", this.tokenSettings);
		}
		Response created = http.postJson("/api/admin/clients", this.body, "Authorization", bearer(adminToken));
		if (created.status() != 201) {
			throw new IllegalStateException("client registration failed: " + created);
		}
		return (created.json().get("client_secret") != null) ? created.json().get("client_secret").asString() : null;
	}

	static void person(TestHttp http, String adminToken, String username, String password) {
		Response created = http.postJson("/api/admin/users",
				Map.of("username", username, "password", password, "roles", List.of("patient")), "Authorization",
				bearer(adminToken));
		if (created.status() != 201) {
			throw new IllegalStateException("user creation failed: " + created);
		}
	}

}
