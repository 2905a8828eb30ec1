package io.latchkey.test;

import java.util.LinkedHashMap;
import java.util.Map;

import io.latchkey.LatchkeyApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another Latchkey node in the same JVM: a whole application on a random port, started
 * and stopped by a test.
 */
public final class Node implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	public final TestHttp http;

	private Node(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.http = new TestHttp("http://localhost:" + port);
	}

	public static Node start(String url, String username, String... properties) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("spring.datasource.url", url);
		settings.put("spring.datasource.username", username);
		settings.put("spring.datasource.password", "");
		settings.put("latchkey.bootstrap.admin-password", ServerTestSupport.ADMIN_PASSWORD);
		settings.put("latchkey.bootstrap.admin-client-secret", ServerTestSupport.ADMIN_CLIENT_SECRET);
		for (int i = 0; i < properties.length; i += 2) {
			settings.put(properties[i], properties[i + 1]);
		}
		// Arguments, unlike default properties, take precedence over application.yml.
		String[] args = settings.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LatchkeyApplication.class)
			.profiles("test")
			.run(args);
		return new Node(context);
	}

	public String adminToken() {
		return this.http.clientCredentialsToken("latchkey-admin", ServerTestSupport.ADMIN_CLIENT_SECRET,
				"latchkey:admin");
	}

	@Override
	public void close() {
		this.context.close();
	}

}
