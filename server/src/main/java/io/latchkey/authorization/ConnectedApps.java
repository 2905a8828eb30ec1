package io.latchkey.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The apps a person has connected to their data, from the grants that hold tokens and the
 * consents they remembered, and the person's own way to cut one off: every token and code
 * of that app for them, and the consent, go at once.
 */
@Service
public class ConnectedApps {

	private final JdbcClient jdbc;

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConnectedApps(JdbcClient jdbc, RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.consents = consents;
		this.events = events;
		this.clock = clock;
	}

	/** The person's apps, the most recently used first. */
	public List<ConnectedApp> of(String subject) {
		Map<String, ConnectedApp> apps = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT registered_client_id, authorized_scopes, authorization_code_issued_at, "
					+ "access_token_issued_at, refresh_token_issued_at FROM oauth2_authorization "
					+ "WHERE principal_name = ? AND (access_token_hash IS NOT NULL OR refresh_token_hash IS NOT NULL)")
			.param(subject)
			.query((rs, row) -> grant(rs))
			.list()
			.forEach((grant) -> apps.merge(grant.registeredClientId(), app(grant), ConnectedApp::merge));
		this.jdbc
			.sql("SELECT registered_client_id, authorities FROM oauth2_authorization_consent WHERE principal_name = ?")
			.param(subject)
			.query((rs, row) -> new Grant(rs.getString(1), scopes(rs.getString(2), "SCOPE_"), null, null))
			.list()
			.forEach((grant) -> apps.merge(grant.registeredClientId(), app(grant), ConnectedApp::merge));
		return apps.values()
			.stream()
			.filter((app) -> app.clientId() != null)
			.sorted(Comparator.comparing(ConnectedApp::lastUsedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	/**
	 * Revokes every authorization (codes, access and refresh tokens) the person gave the
	 * app, and forgets their consent, so the app must ask again.
	 * @return whether there was anything to revoke
	 */
	@Transactional
	public boolean disconnect(String subject, String clientId) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			return false;
		}
		int grants = this.jdbc
			.sql("DELETE FROM oauth2_authorization WHERE principal_name = ? AND registered_client_id = ?")
			.params(subject, client.getId())
			.update();
		OAuth2AuthorizationConsent consent = this.consents.findById(client.getId(), subject);
		if (consent != null) {
			this.consents.remove(consent);
		}
		if (grants == 0 && consent == null) {
			return false;
		}
		this.events.publishEvent(new AppDisconnected(clientId, subject, grants, this.clock.instant()));
		return true;
	}

	private ConnectedApp app(Grant grant) {
		RegisteredClient client = this.clients.findById(grant.registeredClientId());
		return new ConnectedApp((client != null) ? client.getClientId() : null,
				(client != null) ? client.getClientName() : null, grant.scopes(), grant.grantedAt(), grant.usedAt());
	}

	private static Grant grant(ResultSet rs) throws SQLException {
		Instant code = instant(rs, "authorization_code_issued_at");
		Instant access = instant(rs, "access_token_issued_at");
		Instant refresh = instant(rs, "refresh_token_issued_at");
		Instant granted = Stream.of(code, access, refresh)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
		Instant used = Stream.of(access, refresh).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
		return new Grant(rs.getString("registered_client_id"), scopes(rs.getString("authorized_scopes"), ""), granted,
				used);
	}

	private static Set<String> scopes(@Nullable String text, String prefix) {
		Set<String> scopes = new TreeSet<>();
		for (String value : StringUtils.commaDelimitedListToSet(text)) {
			if (value.startsWith(prefix)) {
				scopes.add(value.substring(prefix.length()));
			}
		}
		return scopes;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private record Grant(String registeredClientId, Set<String> scopes, @Nullable Instant grantedAt,
			@Nullable Instant usedAt) {

	}

	/**
	 * An app connected to a person's data.
	 *
	 * @param clientId the app's client id; {@code null} only while its row is read
	 * @param clientName the app's name
	 * @param scopes what the person allowed it
	 * @param grantedAt when it first got a grant, if it holds one
	 * @param lastUsedAt when it last got a token
	 */
	public record ConnectedApp(@Nullable String clientId, @Nullable String clientName, Set<String> scopes,
			@Nullable Instant grantedAt, @Nullable Instant lastUsedAt) {

		ConnectedApp merge(ConnectedApp other) {
			Set<String> all = new TreeSet<>(this.scopes);
			all.addAll(other.scopes);
			return new ConnectedApp(this.clientId, this.clientName, all, earliest(this.grantedAt, other.grantedAt),
					latest(this.lastUsedAt, other.lastUsedAt));
		}

		private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
			return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
		}

		private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
			return (a == null) ? b : (b == null || a.isAfter(b)) ? a : b;
		}

	}

}
