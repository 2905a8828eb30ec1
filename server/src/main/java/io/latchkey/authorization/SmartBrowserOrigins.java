package io.latchkey.authorization;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;

/**
 * The web origins of registered browser apps: public clients' {@code http} and
 * {@code https} redirect URIs, reduced to scheme, host and port. A SMART app running in
 * the browser calls discovery, the token endpoint and the others from its page, so only
 * these origins get CORS headers there. Read from the client table and kept as long as
 * the client cache keeps a client, so a registration counts on every node soon after.
 */
@Component
class SmartBrowserOrigins {

	private final JdbcOperations jdbc;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(Set.of(), Instant.MIN);

	SmartBrowserOrigins(JdbcOperations jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A client registered or deleted here counts at once, once committed. */
	@TransactionalEventListener(classes = { ClientRegistered.class, ClientDeleted.class }, fallbackExecution = true)
	void clientsChanged() {
		this.snapshot = new Snapshot(Set.of(), Instant.MIN);
	}

	/** Whether an {@code Origin} header names a registered browser app. */
	boolean isRegistered(String origin) {
		return originOf(origin).map(current()::contains).orElse(false);
	}

	private Set<String> current() {
		Snapshot now = this.snapshot;
		Instant time = this.clock.instant();
		if (time.isAfter(now.expires())) {
			now = new Snapshot(load(), time.plus(AuthorizationServerConfig.CLIENT_CACHE_TIME_TO_LIVE));
			this.snapshot = now;
		}
		return now.origins();
	}

	private Set<String> load() {
		Set<String> origins = new HashSet<>();
		this.jdbc.query("SELECT client_authentication_methods, redirect_uris FROM oauth2_registered_client", (row) -> {
			Set<String> methods = StringUtils.commaDelimitedListToSet(row.getString(1));
			if (methods.contains(ClientAuthenticationMethod.NONE.getValue())) {
				StringUtils.commaDelimitedListToSet(row.getString(2))
					.forEach((uri) -> originOf(uri.strip()).ifPresent(origins::add));
			}
		});
		return Set.copyOf(origins);
	}

	/** {@code scheme://host:port} with the port always written, or empty. */
	static Optional<String> originOf(String url) {
		try {
			URI uri = URI.create(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null) {
				return Optional.empty();
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : (scheme.equals("https") ? 443 : 80);
			return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private record Snapshot(Set<String> origins, Instant expires) {
	}

}
