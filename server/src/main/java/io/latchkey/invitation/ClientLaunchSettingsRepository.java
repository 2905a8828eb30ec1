package io.latchkey.invitation;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-client invitation settings in {@code invitation_client_settings}.
 */
@Repository
class ClientLaunchSettingsRepository {

	private final JdbcClient jdbc;

	ClientLaunchSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ClientLaunchSettings> find(String clientId) {
		return this.jdbc.sql("SELECT * FROM invitation_client_settings WHERE client_id = ?")
			.param(clientId)
			.query((rs, n) -> new ClientLaunchSettings(rs.getString("client_id"),
					(rs.getString("launch_url") != null) ? URI.create(rs.getString("launch_url")) : null,
					rs.getString("email_subject"), rs.getString("email_template"), rs.getString("sms_template")))
			.optional();
	}

	@Transactional
	void save(ClientLaunchSettings settings, Instant now) {
		this.jdbc.sql("DELETE FROM invitation_client_settings WHERE client_id = ?").param(settings.clientId()).update();
		this.jdbc
			.sql("INSERT INTO invitation_client_settings (client_id, launch_url, email_subject, email_template, "
					+ "sms_template, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(settings.clientId(), (settings.launchUrl() != null) ? settings.launchUrl().toString() : null,
					settings.emailSubject(), settings.emailTemplate(), settings.smsTemplate(),
					OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

}
