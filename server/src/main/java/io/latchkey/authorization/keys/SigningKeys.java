package io.latchkey.authorization.keys;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.latchkey.authorization.GenuineSigningKeys;
import io.latchkey.authorization.SigningKeyRotated;
import io.latchkey.shared.MasterKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The signing keys as this node sees them: a cache of the database table that verifies
 * and publishes the active and previous keys and, through {@link #signingSource()}, signs
 * with the active key only.
 * <p>
 * As a {@link JWKSource} it hands out public keys only; it is the source of
 * {@code /oauth2/jwks} and of the server's own {@code JwtDecoder}.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext>, InitializingBean {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private final SigningKeyStore store;

	private final MasterKey masterKey;

	private final SigningKeyProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReentrantLock reloadLock = new ReentrantLock();

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	private volatile long lastReloadNanos;

	SigningKeys(SigningKeyStore store, MasterKey masterKey, SigningKeyProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.masterKey = masterKey;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			if (this.store.findPublished()
				.stream()
				.noneMatch((key) -> key.algorithm() == algorithm && key.state() == SigningKeyState.ACTIVE)) {
				StoredSigningKey key = generate(algorithm, now());
				if (this.store.insertFirstActive(key)) {
					logger.info("Generated the first " + algorithm + " signing key " + key.kid());
				}
				else {
					logger.info("Another node generated the first " + algorithm + " signing key; using it");
				}
			}
		}
		reload();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		List<JWK> found = selector.select(this.snapshot.published());
		if (found.isEmpty() && asksForKid(selector) && reloadAllowed()) {
			// A node that rotated a moment ago may already sign with a key this node
			// has not read.
			reload();
			found = selector.select(this.snapshot.published());
		}
		return found;
	}

	/**
	 * A source holding only the active private keys, one per algorithm, for the encoder.
	 */
	JWKSource<SecurityContext> signingSource() {
		return (selector, context) -> {
			List<JWK> found = selector.select(this.snapshot.signing());
			if (found.isEmpty() && reloadAllowed()) {
				reload();
				found = selector.select(this.snapshot.signing());
			}
			return found;
		};
	}

	/**
	 * Replaces the active key of an algorithm by a new one.
	 * @return the key id now active for the algorithm (another node's, if it rotated at
	 * the same moment)
	 */
	String rotate(SigningAlgorithm algorithm) {
		StoredSigningKey active = activeInDatabase(algorithm);
		StoredSigningKey next = generate(algorithm, now());
		boolean rotated = this.store.rotate(active.kid(), next);
		reload();
		if (!rotated) {
			return activeInDatabase(algorithm).kid();
		}
		logger.info("Rotated the " + algorithm + " signing key: " + next.kid() + " replaces " + active.kid());
		this.events.publishEvent(new SigningKeyRotated(algorithm.name(), next.kid(), next.activatedAt()));
		return next.kid();
	}

	/** Rotates every algorithm whose active key is older than the rotation period. */
	void rotateDueKeys() {
		Instant due = now().minus(this.properties.rotationPeriod());
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			StoredSigningKey active = activeInDatabase(algorithm);
			if (active.activatedAt() == null || !active.activatedAt().isAfter(due)) {
				StoredSigningKey next = generate(algorithm, now());
				if (this.store.rotate(active.kid(), next)) {
					logger.info("Rotated the " + algorithm + " signing key on schedule: " + next.kid() + " replaces "
							+ active.kid());
					this.events.publishEvent(new SigningKeyRotated(algorithm.name(), next.kid(), next.activatedAt()));
				}
			}
		}
		reload();
	}

	/** Rereads the keys from the database. */
	void reload() {
		this.reloadLock.lock();
		try {
			this.snapshot = load(this.snapshot);
			this.lastReloadNanos = System.nanoTime();
		}
		finally {
			this.reloadLock.unlock();
		}
	}

	private StoredSigningKey activeInDatabase(SigningAlgorithm algorithm) {
		return this.store.findPublished()
			.stream()
			.filter((key) -> key.algorithm() == algorithm && key.state() == SigningKeyState.ACTIVE)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No active " + algorithm + " signing key"));
	}

	private Instant now() {
		// Database timestamps keep microseconds; a value read back then equals
		// the one written.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private boolean reloadAllowed() {
		return System.nanoTime() - this.lastReloadNanos >= this.properties.unknownKidReloadInterval().toNanos();
	}

	private static boolean asksForKid(JWKSelector selector) {
		Set<String> kids = selector.getMatcher().getKeyIDs();
		return kids != null && !kids.isEmpty();
	}

	private Snapshot load(Snapshot previous) {
		List<StoredSigningKey> keys = new ArrayList<>(this.store.findPublished());
		keys.sort(Comparator.comparing(StoredSigningKey::state).thenComparing(StoredSigningKey::algorithm));
		List<JWK> published = new ArrayList<>();
		List<JWK> signing = new ArrayList<>();
		Map<String, JWK> privateKeys = new HashMap<>();
		for (StoredSigningKey key : keys) {
			published.add(key.publicJwk());
			if (key.state() == SigningKeyState.ACTIVE) {
				JWK privateKey = previous.privateKeys().get(key.kid());
				if (privateKey == null) {
					privateKey = unseal(key);
				}
				privateKeys.put(key.kid(), privateKey);
				signing.add(privateKey);
			}
		}
		return new Snapshot(List.copyOf(keys), new JWKSet(published), new JWKSet(signing), Map.copyOf(privateKeys));
	}

	private JWK unseal(StoredSigningKey key) {
		return GenuineSigningKeys.unseal(this.masterKey, key.kid(), key.publicJwk(), key.sealedPrivateJwk());
	}

	private StoredSigningKey generate(SigningAlgorithm algorithm, Instant now) {
		try {
			JWK key = algorithm.generate();
			byte[] sealed = this.masterKey.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8));
			return new StoredSigningKey(key.getKeyID(), algorithm, SigningKeyState.ACTIVE, key.toPublicJWK(), sealed,
					now, now, null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a " + algorithm + " signing key", ex);
		}
	}

	/** What the cache holds between two reloads. */
	private record Snapshot(List<StoredSigningKey> keys, JWKSet published, JWKSet signing,
			Map<String, JWK> privateKeys) {

		static final Snapshot EMPTY = new Snapshot(List.of(), new JWKSet(), new JWKSet(), Map.of());

		@Override
		public String toString() {
			// The default would print the private keys.
			return "Snapshot" + this.keys;
		}

	}

}
