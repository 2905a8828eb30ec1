package io.latchkey.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.StringUtils;

/**
 * Keeps registered clients in memory for a short while. Every token request and every
 * stored authorization looks its client up, and the library's JDBC repository parses JSON
 * settings on each call; the library's consent store also looks clients up while it holds
 * a connection, which a cache hit turns into no second connection. Changes made on this
 * node apply at once; another node sees them within the time to live.
 */
final class CachingRegisteredClientRepository implements RegisteredClientRepository {

	private final RegisteredClientRepository delegate;

	private final Duration timeToLive;

	private final Clock clock;

	private final Map<String, Entry> byId = new ConcurrentHashMap<>();

	private final Map<String, Entry> byClientId = new ConcurrentHashMap<>();

	CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration timeToLive, Clock clock) {
		this.delegate = delegate;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		this.delegate.save(registeredClient);
		evict(registeredClient);
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		if (!StringUtils.hasText(id)) {
			return null;
		}
		return cached(this.byId, id, this.delegate::findById);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		// The library's repository asserts a non-blank id; a blank one names no client.
		if (!StringUtils.hasText(clientId)) {
			return null;
		}
		return cached(this.byClientId, clientId, this.delegate::findByClientId);
	}

	void evict(RegisteredClient client) {
		this.byId.remove(client.getId());
		this.byClientId.remove(client.getClientId());
	}

	private @Nullable RegisteredClient cached(Map<String, Entry> cache, String key,
			Function<String, @Nullable RegisteredClient> loader) {
		Instant now = this.clock.instant();
		Entry entry = cache.get(key);
		if (entry != null && entry.expiresAt().isAfter(now)) {
			return entry.client();
		}
		RegisteredClient client = loader.apply(key);
		if (client != null) {
			cache.put(key, new Entry(client, now.plus(this.timeToLive)));
		}
		else {
			cache.remove(key);
		}
		return client;
	}

	private record Entry(RegisteredClient client, Instant expiresAt) {

	}

}
