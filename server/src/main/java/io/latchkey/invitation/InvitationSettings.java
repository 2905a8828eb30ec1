package io.latchkey.invitation;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules for invitation links ({@code latchkey.invitations.*}).
 *
 * @param defaultTtl how long an invitation stays redeemable when the request names no
 * {@code expires_in}
 * @param maxTtl the longest {@code expires_in} accepted
 * @param retryWindow how long after redemption a retry with the same
 * {@code code_challenge} gets a fresh code (a lost response must not lock the person out)
 * @param launchUrl where links point when the client has no launch URL of its own;
 * defaults to this server's {@code /launch} page
 * @param reissueRevokesEarlier whether a new invitation for a person and client revokes
 * their earlier unredeemed ones
 * @param retention how long after expiry invitations are kept before they are deleted
 * @param cleanupInterval how often expired invitations past retention are deleted
 * @param templates the plain-text messages for clients without their own
 */
@ConfigurationProperties("latchkey.invitations")
record InvitationSettings(Duration defaultTtl, Duration maxTtl, Duration retryWindow, @Nullable URI launchUrl,
		Boolean reissueRevokesEarlier, Duration retention, Duration cleanupInterval, Templates templates) {

	InvitationSettings {
		defaultTtl = (defaultTtl != null) ? defaultTtl : Duration.ofDays(7);
		maxTtl = (maxTtl != null) ? maxTtl : Duration.ofDays(30);
		retryWindow = (retryWindow != null) ? retryWindow : Duration.ofMinutes(2);
		reissueRevokesEarlier = (reissueRevokesEarlier != null) ? reissueRevokesEarlier : Boolean.TRUE;
		retention = (retention != null) ? retention : Duration.ofDays(90);
		cleanupInterval = (cleanupInterval != null) ? cleanupInterval : Duration.ofHours(1);
		templates = (templates != null) ? templates : new Templates(null, null, null);
		if (defaultTtl.isNegative() || defaultTtl.isZero() || defaultTtl.compareTo(maxTtl) > 0) {
			throw new IllegalArgumentException("latchkey.invitations.default-ttl must be positive and at most max-ttl");
		}
		if (launchUrl != null && (!launchUrl.isAbsolute() || launchUrl.getFragment() != null)) {
			throw new IllegalArgumentException("latchkey.invitations.launch-url must be absolute, without fragment");
		}
	}

	/**
	 * Message templates; {@code {app}}, {@code {link}} and {@code {expires}} are filled
	 * in.
	 *
	 * @param emailSubject the email subject
	 * @param email the email text
	 * @param sms the SMS text; keep it short enough for one 160-character segment
	 */
	record Templates(String emailSubject, String email, String sms) {

		Templates {
			emailSubject = (emailSubject != null) ? emailSubject : "Connect {app} to your health data";
			email = (email != null) ? email
					: "Hello,\n\nopen this link on your phone to connect {app} to your health data:\n\n{link}\n\n"
							+ "The link works once and until {expires}. If you did not expect it, ignore this email.\n";
			sms = (sms != null) ? sms : "{app}: tap to connect: {link}";
		}

	}

}
