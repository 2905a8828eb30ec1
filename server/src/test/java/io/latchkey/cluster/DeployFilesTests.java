package io.latchkey.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files in {@code deploy/} hold together without Docker or nginx running: the compose
 * file parses and wires two nodes with one master key behind the balancer it trusts, the
 * Dockerfile packages the jar this build produces, and the nginx configuration is well
 * formed and forwards what Latchkey needs.
 */
class DeployFilesTests {

	private static final Path DEPLOY = Path.of("..", "deploy");

	private static final Path TEMPLATE = DEPLOY.resolve("nginx/latchkey.conf.template");

	@Test
	@SuppressWarnings("unchecked")
	void theComposeFileRunsTwoIdenticalNodesBehindTheBalancerTheyTrust() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

		assertThat(services).containsOnlyKeys("postgres", "node1", "node2", "nginx");
		Map<String, Object> node1 = services.get("node1");
		Map<String, Object> node2 = services.get("node2");
		assertThat(node1.get("environment")).isEqualTo(node2.get("environment"));
		Map<String, String> environment = (Map<String, String>) node1.get("environment");
		assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
		assertThat(environment.get("LATCHKEY_MASTER_KEY")).startsWith("${LATCHKEY_MASTER_KEY:?");
		Map<String, String> build = (Map<String, String>) node1.get("build");
		assertThat(DEPLOY.resolve(build.get("context")).resolve(build.get("dockerfile"))).isRegularFile();
		Map<String, Object> nginx = services.get("nginx");
		String balancer = ((Map<String, Map<String, String>>) nginx.get("networks")).get("latchkey")
			.get("ipv4_address");
		assertThat(environment.get("LATCHKEY_WEB_TRUSTED_PROXIES")).isEqualTo(balancer + "/32");
		assertThat((List<String>) nginx.get("volumes"))
			.anySatisfy((volume) -> assertThat(DEPLOY.resolve(volume.substring(0, volume.indexOf(':'))))
				.isEqualTo(DEPLOY.resolve("./nginx/latchkey.conf.template")));
		assertThat(((Map<String, String>) nginx.get("environment")).keySet())
			.containsExactlyInAnyOrderElementsOf(placeholders());
	}

	@Test
	void theDockerfilePackagesTheJarThisBuildProducesAsANonRootUserWithAHealthCheck() throws IOException {
		String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
		Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(finalName.find()).isTrue();

		assertThat(dockerfile).contains("COPY server/target/" + finalName.group(1) + ".jar ")
			.contains("-Djarmode=tools -jar " + finalName.group(1) + ".jar extract --layers --launcher");
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			assertThat(dockerfile).contains("COPY --from=layers /build/extracted/" + layer + "/ ./");
		}
		Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
		assertThat(user.find()).isTrue();
		assertThat(user.group(1)).doesNotStartWith("0").doesNotStartWith("root");
		assertThat(dockerfile)
			.containsPattern("(?m)^HEALTHCHECK .*\\n\\s+CMD curl -fs http://127.0.0.1:9000/actuator/health/readiness")
			.contains("ENTRYPOINT [\"java\", \"--enable-native-access=ALL-UNNAMED\", "
					+ "\"org.springframework.boot.loader.launch.JarLauncher\"]");
	}

	@Test
	void theNginxConfigurationIsWellFormedAndForwardsTheClientButReplaysNoPost() throws IOException {
		String conf = Files.readString(TEMPLATE);
		int depth = 0;
		for (String line : conf.lines().map(String::strip).toList()) {
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			assertThat(line).as("a directive ends with ; or opens or closes a block").matches(".*[;{}]$");
			depth += count(line, '{') - count(line, '}');
			assertThat(depth).isNotNegative();
		}
		assertThat(depth).isZero();
		assertThat(conf).contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
			.contains("proxy_set_header X-Forwarded-Proto $scheme;")
			.contains("proxy_set_header X-Forwarded-Host $host;")
			.contains("proxy_set_header X-Forwarded-Port $server_port;")
			.containsPattern("server \\$\\{LATCHKEY_NODE_1}.*;")
			.containsPattern("server \\$\\{LATCHKEY_NODE_2}.*;")
			.doesNotContain("non_idempotent");
		assertThat(placeholders()).containsExactlyInAnyOrder("LATCHKEY_LISTEN", "LATCHKEY_NODE_1", "LATCHKEY_NODE_2");
	}

	@Test
	void nginxAcceptsTheConfigurationTheClusterScriptWrites(@TempDir Path run) throws Exception {
		Path nginx = Path.of("/usr/sbin/nginx");
		assumeTrue(Files.isExecutable(nginx), "nginx is not installed (deploy/cluster.sh installs it)");
		String conf = Files.readString(TEMPLATE)
			.replace("${LATCHKEY_LISTEN}", "127.0.0.1:18080")
			.replace("${LATCHKEY_NODE_1}", "127.0.0.1:19101")
			.replace("${LATCHKEY_NODE_2}", "127.0.0.1:19102");
		Files.writeString(run.resolve("latchkey.conf"), conf);
		Files.writeString(run.resolve("nginx.conf"),
				"pid " + run + "/nginx.pid; error_log " + run + "/error.log; events {} http { access_log off; "
						+ "client_body_temp_path " + run + "/body; proxy_temp_path " + run + "/proxy; include " + run
						+ "/latchkey.conf; }");

		Process test = new ProcessBuilder(nginx.toString(), "-t", "-q", "-p", run.toString(), "-c",
				run.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.start();
		assertThat(test.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(test.exitValue()).as(new String(test.getInputStream().readAllBytes())).isZero();
	}

	@Test
	void theScriptsParseAndTheClusterTrustsOnlyTheLoopbackBalancer() throws Exception {
		for (String name : List.of("cluster.sh", "soak.sh", "faults.sh")) {
			Process syntax = new ProcessBuilder("bash", "-n", DEPLOY.resolve(name).toString()).redirectErrorStream(true)
				.start();
			assertThat(syntax.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(syntax.exitValue()).as(name + ": " + new String(syntax.getInputStream().readAllBytes()))
				.isZero();
		}
		assertThat(Files.readString(DEPLOY.resolve("cluster.sh")))
			.contains("LATCHKEY_WEB_TRUSTED_PROXIES=\"127.0.0.1/32,::1/128\"")
			.contains("SERVER_ADDRESS=127.0.0.1")
			.contains("deploy/nginx/latchkey.conf.template");
	}

	private static List<String> placeholders() throws IOException {
		Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(Files.readString(TEMPLATE));
		return matcher.results().map((result) -> result.group(1)).distinct().toList();
	}

	private static int count(String line, char c) {
		return (int) line.chars().filter((ch) -> ch == c).count();
	}

}
