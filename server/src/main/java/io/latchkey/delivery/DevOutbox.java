package io.latchkey.delivery;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The newest messages that had no route out, kept in this node's memory only: they may
 * carry secrets, and secrets are never written to the database in plain form. On by
 * default only with the embedded H2 database: a production server without a route must
 * fail its deliveries rather than keep invitation links where an admin token reads them.
 */
@Component
class DevOutbox {

	private final Deque<Entry> entries = new ArrayDeque<>();

	private final boolean enabled;

	private final int capacity;

	private final Clock clock;

	DevOutbox(DeliverySettings settings, DataSource dataSource, Clock clock) throws MetaDataAccessException {
		Boolean configured = settings.outbox().enabled();
		this.enabled = (configured != null) ? configured : "H2"
			.equalsIgnoreCase(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
		this.capacity = settings.outbox().capacity();
		this.clock = clock;
	}

	boolean enabled() {
		return this.enabled;
	}

	synchronized void add(Message message) {
		this.entries.addFirst(new Entry(UUID.randomUUID(), this.clock.instant(), message.channel(), message.to(),
				message.subject(), message.text()));
		while (this.entries.size() > this.capacity) {
			this.entries.removeLast();
		}
	}

	/** Newest first. */
	synchronized List<Entry> list() {
		return List.copyOf(this.entries);
	}

	/**
	 * One message in the outbox.
	 */
	record Entry(UUID id, Instant at, Channel channel, String to, @Nullable String subject, String text) {

	}

}
