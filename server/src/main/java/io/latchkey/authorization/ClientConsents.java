package io.latchkey.authorization;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;

/**
 * The consents people remembered, one per person and client (the library's consent
 * store), and their withdrawal.
 */
@Service
public class ClientConsents {

	private final OAuth2AuthorizationConsentService consents;

	private final RegisteredClientRepository clients;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClientConsents(OAuth2AuthorizationConsentService consents, RegisteredClientRepository clients,
			ApplicationEventPublisher events, Clock clock) {
		this.consents = consents;
		this.clients = clients;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Forgets what the person allowed the client, so its next authorization request asks
	 * again. Tokens issued before stay valid until they are revoked or expire.
	 * @return whether there was a consent to forget
	 */
	public boolean revoke(String clientId, String principalName) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		OAuth2AuthorizationConsent consent = (client != null) ? this.consents.findById(client.getId(), principalName)
				: null;
		if (consent == null) {
			return false;
		}
		this.consents.remove(consent);
		this.events.publishEvent(new ConsentRevoked(clientId, principalName, this.clock.instant()));
		return true;
	}

}
