package io.latchkey.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.latchkey.shared.RequestMemo;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local accounts, kept in {@code latchkey_user}. Passwords are stored only as slow
 * hashes.
 */
@Repository
public class UserAccounts {

	/** Accounts read by id, for the rest of the request (a refresh reads one twice). */
	private static final RequestMemo<UUID, Optional<UserAccount>> FOUND = new RequestMemo<>("accounts");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	public Optional<UserAccount> findByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM latchkey_user WHERE username = ?")
			.param(username)
			.query(UserAccounts::map)
			.optional();
	}

	public Optional<UserAccount> findById(UUID id) {
		return FOUND.get(id,
				() -> this.jdbc.sql("SELECT * FROM latchkey_user WHERE id = ?")
					.param(id)
					.query(UserAccounts::map)
					.optional());
	}

	/**
	 * The account a token subject names, if it is a local one: subjects of local accounts
	 * are their ids.
	 */
	public Optional<UserAccount> findBySubject(String subject) {
		return subjectId(subject).flatMap(this::findById);
	}

	/** One page of accounts by username; one more than asked shows there are more. */
	public List<UserAccount> list(int page, int size) {
		return this.jdbc.sql("SELECT * FROM latchkey_user ORDER BY username LIMIT :limit OFFSET :offset")
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(UserAccounts::map)
			.list();
	}

	public boolean exists(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM latchkey_user WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Creates an account; the raw password, when given, is hashed here and nowhere kept.
	 * @throws UsernameTakenException when the username is in use
	 */
	@Transactional
	public UserAccount create(NewUserAccount account) {
		UserAccount created = new UserAccount(UUID.randomUUID(), account.username(),
				(account.password() != null) ? this.passwords.encode(account.password()) : null, account.email(),
				account.phone(), Set.copyOf(account.roles()), account.patient(), true, this.clock.instant());
		try {
			this.jdbc.sql(
					"INSERT INTO latchkey_user (id, username, password_hash, email, phone, roles, patient, enabled, created_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(created.id(), created.username(), created.passwordHash(), created.email(), created.phone(),
						String.join(",", created.roles()), created.patient(), created.enabled(),
						OffsetDateTime.ofInstant(created.createdAt(), ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new UsernameTakenException(account.username());
		}
		this.events.publishEvent(new UserCreated(created.id(), created.username(), created.createdAt()));
		return created;
	}

	@Transactional
	public boolean delete(UUID id) {
		Optional<UserAccount> account = findById(id);
		FOUND.forget();
		if (account.isEmpty() || this.jdbc.sql("DELETE FROM latchkey_user WHERE id = ?").param(id).update() == 0) {
			return false;
		}
		this.events.publishEvent(new UserDeleted(id, account.get().username(), this.clock.instant()));
		return true;
	}

	/**
	 * Enables or disables an account; disabling it revokes the person's grants and
	 * sessions through {@link UserDisabled}, in this transaction.
	 * @return the account as it is now, or empty when there is none
	 */
	@Transactional
	public Optional<UserAccount> setEnabled(UUID id, boolean enabled) {
		Optional<UserAccount> account = findById(id);
		if (account.isEmpty() || account.get().enabled() == enabled) {
			return account;
		}
		FOUND.forget();
		this.jdbc.sql("UPDATE latchkey_user SET enabled = ? WHERE id = ?").params(enabled, id).update();
		Instant now = this.clock.instant();
		this.events.publishEvent(enabled ? new UserEnabled(id, account.get().username(), now)
				: new UserDisabled(id, account.get().username(), now));
		return findById(id);
	}

	private static Optional<UUID> subjectId(String subject) {
		if (subject.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(subject));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		String roles = rs.getString("roles");
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("email"), rs.getString("phone"),
				roles.isEmpty() ? Set.of()
						: Arrays.stream(roles.split(",")).collect(Collectors.toCollection(LinkedHashSet::new)),
				rs.getString("patient"), rs.getBoolean("enabled"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
