package io.latchkey.invitation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.latchkey.authorization.ClientRegistrations;
import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.identity.UsernameTakenException;
import io.latchkey.shared.LatchkeyProperties;
import io.latchkey.shared.Secrets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates invitations: checks the client and scopes, finds or creates the person, revokes
 * their earlier unredeemed invitations for the client, stores the secret's hash and
 * delivers the link.
 */
@Service
class InvitationCreation {

	private final ClientRegistrations clients;

	private final UserAccounts users;

	private final InvitationRepository repository;

	private final ClientLaunchSettingsRepository launchSettings;

	private final InvitationMessages messages;

	private final InvitationSettings settings;

	private final LatchkeyProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InvitationCreation(ClientRegistrations clients, UserAccounts users, InvitationRepository repository,
			ClientLaunchSettingsRepository launchSettings, InvitationMessages messages, InvitationSettings settings,
			LatchkeyProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.clients = clients;
		this.users = users;
		this.repository = repository;
		this.launchSettings = launchSettings;
		this.messages = messages;
		this.settings = settings;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	CreatedInvitation create(NewInvitation request, String actor, Origin origin) {
		RegisteredClient client = this.clients.find(request.clientId())
			.filter((c) -> c.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE))
			.filter((c) -> !c.getRedirectUris().isEmpty())
			.orElseThrow(() -> new InvalidInvitationRequestException(
					"client_id must name a registered client with the authorization_code grant and a redirect URI"));
		Set<String> scopes = (request.scopes() != null) ? request.scopes() : Set.copyOf(client.getScopes());
		if (scopes.isEmpty() || !client.getScopes().containsAll(scopes)) {
			throw new InvalidInvitationRequestException("scope must name some of the client's scopes");
		}
		Duration ttl = (request.expiresIn() != null) ? request.expiresIn() : this.settings.defaultTtl();
		if (ttl.compareTo(this.settings.maxTtl()) > 0) {
			throw new InvalidInvitationRequestException(
					"expires_in must be at most " + this.settings.maxTtl().toSeconds() + " seconds");
		}
		String secret = InvitationLinks.newSecret();
		Instant now = this.clock.instant();
		Invitation invitation = new Invitation(UUID.randomUUID(), client.getClientId(), request.subject(), scopes,
				actor, now, now.plus(ttl), null, null, null);
		ensurePerson(request);
		this.transactions.executeWithoutResult((status) -> {
			List<UUID> earlier = this.settings.reissueRevokesEarlier()
					? this.repository.pendingFor(request.subject(), client.getClientId(), now) : List.of();
			for (UUID id : earlier) {
				if (this.repository.revoke(id, false, now)) {
					this.events.publishEvent(new InvitationRevoked(id, client.getClientId(), request.subject(),
							"reissued", actor, 0, origin.address(), origin.userAgent(), now));
				}
			}
			this.repository.insert(invitation, Secrets.sha256Hex(secret));
			this.events.publishEvent(new InvitationCreated(invitation.id(), invitation.clientId(), invitation.subject(),
					invitation.expiresAt(), actor, origin.address(), origin.userAgent(), now));
		});
		ClientLaunchSettings launch = this.launchSettings.find(client.getClientId())
			.orElse(ClientLaunchSettings.none(client.getClientId()));
		String link = InvitationLinks.link(launchUrl(launch), this.properties.issuer(), secret);
		String appName = Objects.requireNonNullElse(client.getClientName(), client.getClientId());
		List<CreatedInvitation.Delivery> deliveries = this.messages.deliver(invitation, appName, link, launch,
				request.email(), request.sms());
		return new CreatedInvitation(invitation, link, deliveries);
	}

	private URI launchUrl(ClientLaunchSettings launch) {
		if (launch.launchUrl() != null) {
			return launch.launchUrl();
		}
		if (this.settings.launchUrl() != null) {
			return this.settings.launchUrl();
		}
		String issuer = this.properties.issuer().toString();
		return URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/launch");
	}

	/**
	 * An invitation is for a person: an existing account, or a patient account made now.
	 */
	private void ensurePerson(NewInvitation request) {
		UserAccount existing = this.users.findByUsername(request.subject()).orElse(null);
		if (existing == null) {
			try {
				this.users.create(new NewUserAccount(request.subject(), null, request.email(), request.sms(),
						Set.of("patient"), request.patient()));
				return;
			}
			catch (UsernameTakenException ex) {
				existing = this.users.findByUsername(request.subject()).orElseThrow();
			}
		}
		if (!existing.enabled()) {
			throw new InvalidInvitationRequestException("the subject's account is disabled");
		}
		if (request.patient() != null && !request.patient().equals(existing.patient())) {
			throw new InvalidInvitationRequestException("the subject exists with another patient id");
		}
	}

}
