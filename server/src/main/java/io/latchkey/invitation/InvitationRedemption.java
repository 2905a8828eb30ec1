package io.latchkey.invitation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.latchkey.authorization.AuthorizationCodes;
import io.latchkey.authorization.CodeGrant;
import io.latchkey.authorization.CodeMintingException;
import io.latchkey.authorization.IssuedCode;
import io.latchkey.shared.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redeems a link secret for an authorization code minted at that moment. Every attempt,
 * well-formed or not, runs the same hashing and the same queries, so failures look alike
 * from outside in content and in time.
 */
@Service
class InvitationRedemption {

	private final InvitationRepository repository;

	private final AuthorizationCodes codes;

	private final InvitationSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InvitationRedemption(InvitationRepository repository, AuthorizationCodes codes, InvitationSettings settings,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.codes = codes;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Redeems, or retries a redemption whose answer was lost.
	 * @param request the parsed request, empty when it was malformed
	 * @throws InvalidInvitationException naming why it failed
	 */
	Redeemed redeem(Optional<RedemptionRequest> request, Origin origin) {
		// A malformed request still hashes a secret-sized value and looks it up.
		String hash = Secrets.sha256Hex(
				request.map(RedemptionRequest::secret).orElseGet(() -> Secrets.random(InvitationLinks.SECRET_BYTES)));
		String challenge = request.map(RedemptionRequest::codeChallenge).orElse(null);
		String audience = request.map(RedemptionRequest::audience).orElse(null);
		Outcome outcome = this.transactions
			.execute((status) -> attempt(request.isPresent(), hash, challenge, audience, origin, status));
		if (outcome.failure() != null) {
			throw outcome.failure();
		}
		return outcome.redeemed();
	}

	private Outcome attempt(boolean wellFormed, String hash, @Nullable String appChallenge, @Nullable String audience,
			Origin origin, TransactionStatus status) {
		Instant now = this.clock.instant();
		boolean claimed = this.repository.claim(hash, appChallenge, now);
		// A lost response: the same app challenge shortly after redemption gets
		// a fresh code.
		boolean retry = !claimed && this.repository.retryAllowed(hash, (appChallenge != null) ? appChallenge : "",
				now.minus(this.settings.retryWindow()), now);
		Optional<Invitation> found = this.repository.findByHash(hash);
		if (!wellFormed || (!claimed && !retry) || found.isEmpty()) {
			return failed(wellFormed ? classify(found, now) : new MalformedRedemptionException(), origin, now);
		}
		Invitation invitation = found.get();
		String verifier = (appChallenge != null) ? null : Secrets.random(32);
		String challenge = (appChallenge != null) ? appChallenge : s256(verifier);
		IssuedCode code;
		try {
			code = this.codes.mint(new CodeGrant(invitation.clientId(), invitation.subject(), invitation.scopes(),
					challenge, invitation.id().toString(), audience));
		}
		catch (CodeMintingException ex) {
			status.setRollbackOnly();
			return failed(new InvitationUnusableException(invitation.id()), origin, now);
		}
		this.repository.recordRedemption(invitation.id(), code.authorizationId(), now);
		this.events.publishEvent(new InvitationRedeemed(invitation.id(), invitation.clientId(), invitation.subject(),
				code.authorizationId(), !claimed, origin.address(), origin.userAgent(), now));
		return new Outcome(new Redeemed(invitation.clientId(), code, verifier), null);
	}

	private Outcome failed(InvalidInvitationException failure, Origin origin, Instant now) {
		this.events.publishEvent(new InvitationRedemptionFailed(failure.invitationId(), failure.reason(),
				origin.address(), origin.userAgent(), now));
		return new Outcome(null, failure);
	}

	private static InvalidInvitationException classify(Optional<Invitation> found, Instant now) {
		if (found.isEmpty()) {
			return new InvitationUnknownException();
		}
		Invitation invitation = found.get();
		return switch (invitation.status(now)) {
			case REVOKED -> new InvitationRevokedException(invitation.id());
			case EXPIRED -> new InvitationExpiredException(invitation.id());
			case REDEEMED, PENDING -> new InvitationAlreadyRedeemedException(invitation.id());
		};
	}

	/** RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
	private static String s256(String verifier) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private record Outcome(@Nullable Redeemed redeemed, @Nullable InvalidInvitationException failure) {

	}

}
