package io.latchkey.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.latchkey.authorization.AuthorizationCodes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revokes invitations. Before redemption that is all; after it, only when the admin also
 * asks to revoke the tokens the redemption produced.
 */
@Service
class InvitationRevocation {

	private final InvitationRepository repository;

	private final AuthorizationCodes codes;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InvitationRevocation(InvitationRepository repository, AuthorizationCodes codes, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.codes = codes;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Revokes an invitation; revoking one already revoked changes nothing. Racing a
	 * redemption, either the revocation wins and the redemption fails, or the redemption
	 * wins and this reports it (or, with {@code revokeTokens}, revokes what it produced).
	 * @throws InvitationNotFoundForAdminException when there is no such invitation
	 * @throws InvitationAlreadyRedeemedForAdminException when it was redeemed and
	 * {@code revokeTokens} is not set
	 */
	void revoke(UUID id, boolean revokeTokens, String actor, Origin origin) {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			boolean revoked = this.repository.revoke(id, revokeTokens, now);
			Invitation invitation = this.repository.findById(id)
				.orElseThrow(() -> new InvitationNotFoundForAdminException("invitation"));
			if (!revoked && !revokeTokens && invitation.redeemedAt() != null) {
				throw new InvitationAlreadyRedeemedForAdminException();
			}
			int families = 0;
			if (revokeTokens) {
				// Read after the update, which waited for any redemption holding the row.
				for (String authorizationId : this.repository.authorizationsOf(id)) {
					families += this.codes.revoke(authorizationId) ? 1 : 0;
				}
			}
			if (revoked || families > 0) {
				this.events.publishEvent(new InvitationRevoked(id, invitation.clientId(), invitation.subject(), "admin",
						actor, families, origin.address(), origin.userAgent(), now));
			}
		});
	}

}
