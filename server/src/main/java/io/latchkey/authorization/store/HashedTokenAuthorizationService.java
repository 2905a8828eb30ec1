package io.latchkey.authorization.store;

import java.security.Principal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.latchkey.shared.RequestMemo;
import io.latchkey.shared.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Keeps authorizations in {@code oauth2_authorization} with every token value stored only
 * as its SHA-256. An authorization found by a token carries that token's real value; its
 * other tokens carry placeholders, which {@link #save} recognises and keeps the stored
 * hashes for. Saving an authorization read from the store succeeds only if the row has
 * not changed since, so two requests consuming the same code or refresh token cannot both
 * win.
 */
final class HashedTokenAuthorizationService implements OAuth2AuthorizationService {

	static final String STATE = "state";

	private static final String STATE_PLACEHOLDER = StoredToken.PLACEHOLDER_PREFIX + STATE;

	/** How long an authorization without expiring tokens (awaiting consent) is kept. */
	private static final Duration PENDING_LIFETIME = Duration.ofHours(1);

	private static final Set<String> ATTRIBUTES_IN_COLUMNS = Set.of(Principal.class.getName(),
			OAuth2AuthorizationRequest.class.getName(), OAuth2ParameterNames.STATE, LoadedAuthorization.ATTRIBUTE);

	private static final List<String> COLUMNS = Stream
		.concat(Stream.of("id", "registered_client_id", "principal_name", "principal_authorities",
				"authorization_grant_type", "authorized_scopes", "authorization_request", "attributes", "state_hash",
				"access_token_type", "access_token_scopes", "expires_at"),
				Stream.of(StoredToken.values())
					.flatMap((kind) -> Stream.of("_hash", "_issued_at", "_expires_at", "_metadata")
						.map((suffix) -> kind.column() + suffix)))
		.toList();

	private static final String INSERT = "INSERT INTO oauth2_authorization (" + String.join(", ", COLUMNS)
			+ ", version) VALUES (" + COLUMNS.stream().map((c) -> ":" + c).collect(Collectors.joining(", ")) + ", 0)";

	private static final String UPDATE = "UPDATE oauth2_authorization SET " + COLUMNS.stream()
		.filter((c) -> !"id".equals(c))
		.map((c) -> c + " = :" + c)
		.collect(Collectors.joining(", ")) + ", version = version + 1 WHERE id = :id";

	/** Authorizations found by a token, for the rest of the request. */
	static final RequestMemo<String, Optional<OAuth2Authorization>> FOUND = new RequestMemo<>("authorizations");

	private final JdbcClient jdbc;

	private final RegisteredClientRepository clients;

	private final TransactionTemplate transactions;

	private final Clock clock;

	HashedTokenAuthorizationService(JdbcClient jdbc, RegisteredClientRepository clients,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		FOUND.forget();
		LoadedAuthorization loaded = authorization.getAttribute(LoadedAuthorization.ATTRIBUTE);
		Map<String, SqlValue> row = columns(authorization, loaded);
		if (loaded == null) {
			// Not read from the store, so new: the library gives every new authorization
			// a random id and saves what it changes only after reading it.
			bind(this.jdbc.sql(INSERT), row).update();
			return;
		}
		Boolean saved = this.transactions.execute((status) -> {
			int updated = bind(this.jdbc.sql(UPDATE + " AND version = :loaded_version"), row)
				.param("loaded_version", loaded.version())
				.update();
			if (updated == 0) {
				return false;
			}
			retireRotatedRefreshToken(authorization.getId(), loaded, row);
			return true;
		});
		if (!Boolean.TRUE.equals(saved)) {
			// Another request changed or removed the authorization since it was read: it
			// consumed the same code or refresh token, or revoked it. Thrown outside the
			// transaction, which a caller's transaction may join: the caller decides.
			throw new ConcurrentGrantUseException(authorization.getId());
		}
	}

	private void retireRotatedRefreshToken(String authorizationId, LoadedAuthorization loaded,
			Map<String, SqlValue> row) {
		String previous = loaded.hash(StoredToken.REFRESH_TOKEN.column());
		if (previous == null || previous.equals(row.get("refresh_token_hash").value())) {
			return;
		}
		Instant now = this.clock.instant();
		Instant expiresAt = (loaded.refreshTokenExpiresAt() != null) ? loaded.refreshTokenExpiresAt()
				: now.plus(Duration.ofDays(90));
		this.jdbc
			.sql("INSERT INTO oauth2_retired_refresh_token (token_hash, authorization_id, retired_at, expires_at) "
					+ "VALUES (?, ?, ?, ?)")
			.params(previous, authorizationId, utc(now), utc(expiresAt))
			.update();
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		FOUND.forget();
		this.jdbc.sql("DELETE FROM oauth2_authorization WHERE id = ?").param(authorization.getId()).update();
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.jdbc.sql("SELECT * FROM oauth2_authorization WHERE id = ?")
			.param(id)
			.query(HashedTokenAuthorizationService::snapshot)
			.optional()
			.map((row) -> map(row, null, null))
			.orElse(null);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		String hash = Secrets.sha256Hex(token);
		if (tokenType == null) {
			// One indexed lookup per column, most frequently presented first.
			for (StoredToken kind : StoredToken.values()) {
				OAuth2Authorization found = findByHash(kind.column(), hash, token);
				if (found != null) {
					return found;
				}
			}
			return findByHash(STATE, hash, token);
		}
		if (STATE.equals(tokenType.getValue())) {
			return findByHash(STATE, hash, token);
		}
		for (StoredToken kind : StoredToken.values()) {
			if (kind.lookupType().equals(tokenType.getValue())) {
				return findByHash(kind.column(), hash, token);
			}
		}
		return null;
	}

	private @Nullable OAuth2Authorization findByHash(String column, String hash, String presentedValue) {
		return FOUND
			.get(column + ':' + hash,
					() -> this.jdbc.sql("SELECT * FROM oauth2_authorization WHERE " + column + "_hash = ?")
						.param(hash)
						.query(HashedTokenAuthorizationService::snapshot)
						.optional()
						.map((row) -> map(row, column, presentedValue)))
			.orElse(null);
	}

	/** The authorization a retired refresh token belonged to, if it was retired. */
	Optional<String> familyOfRetiredRefreshToken(String token) {
		return this.jdbc.sql("SELECT authorization_id FROM oauth2_retired_refresh_token WHERE token_hash = ?")
			.param(Secrets.sha256Hex(token))
			.query(String.class)
			.optional();
	}

	/**
	 * Removes an authorization with all its tokens.
	 * @return who it belonged to, when this call removed it
	 */
	Optional<RevokedFamily> revokeFamily(String authorizationId) {
		FOUND.forget();
		return this.transactions.execute((status) -> {
			Optional<RevokedFamily> family = this.jdbc
				.sql("SELECT registered_client_id, principal_name FROM oauth2_authorization WHERE id = ?")
				.param(authorizationId)
				.query((rs, n) -> new RevokedFamily(authorizationId, rs.getString("registered_client_id"),
						rs.getString("principal_name")))
				.optional();
			if (family.isEmpty() || this.jdbc.sql("DELETE FROM oauth2_authorization WHERE id = ?")
				.param(authorizationId)
				.update() == 0) {
				return Optional.empty();
			}
			return family;
		});
	}

	/**
	 * Deletes authorizations and retired refresh tokens whose every token has expired.
	 */
	int purgeExpired() {
		OffsetDateTime now = utc(this.clock.instant());
		int authorizations = this.jdbc.sql("DELETE FROM oauth2_authorization WHERE expires_at < ?").param(now).update();
		int retired = this.jdbc.sql("DELETE FROM oauth2_retired_refresh_token WHERE expires_at < ?")
			.param(now)
			.update();
		return authorizations + retired;
	}

	private @Nullable OAuth2Authorization map(Map<String, Object> rs, @Nullable String matchedColumn,
			@Nullable String presentedValue) {
		RegisteredClient client = this.clients.findById((String) rs.get("registered_client_id"));
		if (client == null) {
			return null;
		}
		String principalName = (String) rs.get("principal_name");
		String scopes = (String) rs.get("authorized_scopes");
		Map<String, Object> otherAttributes = TypedJson.read((String) rs.get("attributes"));
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id((String) rs.get("id"))
			.principalName(principalName)
			.authorizationGrantType(new AuthorizationGrantType((String) rs.get("authorization_grant_type")))
			.authorizedScopes(StringUtils.commaDelimitedListToSet(scopes))
			.attributes((attributes) -> attributes.putAll(otherAttributes));
		String authorities = (String) rs.get("principal_authorities");
		if (authorities != null) {
			builder.attribute(Principal.class.getName(), StoredPrincipal.rebuild(principalName, authorities));
		}
		String request = (String) rs.get("authorization_request");
		if (request != null) {
			builder.attribute(OAuth2AuthorizationRequest.class.getName(), StoredAuthorizationRequest.read(request));
		}
		Map<String, String> hashes = new HashMap<>();
		String stateHash = (String) rs.get("state_hash");
		if (stateHash != null) {
			hashes.put(STATE, stateHash);
			builder.attribute(OAuth2ParameterNames.STATE,
					STATE.equals(matchedColumn) ? presentedValue : STATE_PLACEHOLDER);
		}
		for (StoredToken kind : StoredToken.values()) {
			String hash = (String) rs.get(kind.column() + "_hash");
			if (hash == null) {
				continue;
			}
			hashes.put(kind.column(), hash);
			String value = kind.column().equals(matchedColumn) ? presentedValue : kind.placeholder();
			Map<String, Object> metadata = TypedJson.read((String) rs.get(kind.column() + "_metadata"));
			OAuth2Token token = kind.create(value, (Instant) rs.get(kind.column() + "_issued_at"),
					(Instant) rs.get(kind.column() + "_expires_at"), metadata, (String) rs.get("access_token_type"),
					StringUtils.commaDelimitedListToSet((String) rs.get("access_token_scopes")));
			builder.token(token, (stored) -> stored.putAll(metadata));
		}
		builder.attribute(LoadedAuthorization.ATTRIBUTE, new LoadedAuthorization((Long) rs.get("version"), hashes,
				(Instant) rs.get(StoredToken.REFRESH_TOKEN.column() + "_expires_at")));
		return builder.build();
	}

	private Map<String, SqlValue> columns(OAuth2Authorization authorization, @Nullable LoadedAuthorization loaded) {
		Map<String, SqlValue> row = new LinkedHashMap<>();
		row.put("id", text(authorization.getId()));
		row.put("registered_client_id", text(authorization.getRegisteredClientId()));
		row.put("principal_name", text(authorization.getPrincipalName()));
		Authentication principal = authorization.getAttribute(Principal.class.getName());
		row.put("principal_authorities", text((principal != null) ? StoredPrincipal.authoritiesJson(principal) : null));
		row.put("authorization_grant_type", text(authorization.getAuthorizationGrantType().getValue()));
		row.put("authorized_scopes", text(String.join(",", authorization.getAuthorizedScopes())));
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		row.put("authorization_request", text((request != null) ? StoredAuthorizationRequest.write(request) : null));
		Map<String, Object> otherAttributes = new LinkedHashMap<>(authorization.getAttributes());
		otherAttributes.keySet().removeAll(ATTRIBUTES_IN_COLUMNS);
		row.put("attributes", text(otherAttributes.isEmpty() ? null : TypedJson.write(otherAttributes)));
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		row.put("state_hash", text((state != null) ? hash(state, STATE, loaded) : null));
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		row.put("access_token_type",
				text((accessToken != null) ? accessToken.getToken().getTokenType().getValue() : null));
		row.put("access_token_scopes",
				text((accessToken != null) ? String.join(",", accessToken.getToken().getScopes()) : null));
		Instant expiresAt = null;
		boolean expires = true;
		for (StoredToken kind : StoredToken.values()) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = kind.in(authorization);
			OAuth2Token value = (token != null) ? token.getToken() : null;
			row.put(kind.column() + "_hash",
					text((value != null) ? hash(value.getTokenValue(), kind.column(), loaded) : null));
			row.put(kind.column() + "_issued_at", time((value != null) ? value.getIssuedAt() : null));
			row.put(kind.column() + "_expires_at", time((value != null) ? value.getExpiresAt() : null));
			row.put(kind.column() + "_metadata", text((token != null) ? TypedJson.write(token.getMetadata()) : null));
			if (value != null) {
				expires &= value.getExpiresAt() != null;
				if (value.getExpiresAt() != null && (expiresAt == null || value.getExpiresAt().isAfter(expiresAt))) {
					expiresAt = value.getExpiresAt();
				}
			}
		}
		if (expiresAt == null && expires) {
			expiresAt = this.clock.instant().plus(PENDING_LIFETIME);
		}
		row.put("expires_at", time(expires ? expiresAt : null));
		return row;
	}

	private static String hash(String value, String column, @Nullable LoadedAuthorization loaded) {
		if (!StoredToken.isPlaceholder(value)) {
			return Secrets.sha256Hex(value);
		}
		String stored = (loaded != null) ? loaded.hash(column) : null;
		if (stored == null) {
			throw new IllegalStateException("A placeholder " + column + " has no stored hash to keep");
		}
		return stored;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Map<String, SqlValue> row) {
		row.forEach((name, value) -> statement.param(name, value.value(), value.sqlType()));
		return statement;
	}

	/**
	 * Copies a row out of the result set, so that building the authorization (which looks
	 * up its client) never holds a second pooled connection while this one is open.
	 */
	private static Map<String, Object> snapshot(ResultSet rs, int rowNumber) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Object> row = new HashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
			if (column.endsWith("_at")) {
				row.put(column, instant(rs, column));
			}
			else if ("version".equals(column)) {
				row.put(column, rs.getLong(i));
			}
			else {
				row.put(column, rs.getString(i));
			}
		}
		return row;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static SqlValue text(@Nullable String value) {
		return new SqlValue(value, Types.VARCHAR);
	}

	private static SqlValue time(@Nullable Instant value) {
		return new SqlValue((value != null) ? utc(value) : null, Types.TIMESTAMP_WITH_TIMEZONE);
	}

	/** A statement parameter with its SQL type, so that nulls bind on every database. */
	private record SqlValue(@Nullable Object value, int sqlType) {
	}

	/**
	 * Saving an authorization lost to another request that changed or removed it since it
	 * was read; the grant is refused as {@code invalid_grant}.
	 */
	static final class ConcurrentGrantUseException extends OAuth2AuthenticationException {

		private final String authorizationId;

		ConcurrentGrantUseException(String authorizationId) {
			super(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The grant was used or revoked concurrently", null));
			this.authorizationId = authorizationId;
		}

		String authorizationId() {
			return this.authorizationId;
		}

	}

	/** An authorization removed because one of its retired refresh tokens came back. */
	record RevokedFamily(String authorizationId, String registeredClientId, String principalName) {
	}

}
