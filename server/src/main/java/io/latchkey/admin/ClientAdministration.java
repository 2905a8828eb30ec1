package io.latchkey.admin;

import java.util.List;
import java.util.Set;

import io.latchkey.admin.ClientAdminController.CreateClientRequest;
import io.latchkey.admin.ClientAdminController.CreatedClient;
import io.latchkey.authorization.ClientRegistration;
import io.latchkey.authorization.ClientRegistration.ClientType;
import io.latchkey.authorization.ClientRegistrations;
import io.latchkey.authorization.ClientSecrets;
import io.latchkey.shared.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * What the admin API and the console do to clients: register one from a request (a
 * confidential client that uses no certificate gets a generated secret) and replace a
 * secret. The secret is returned this once and stored only as a keyed hash.
 */
@Service
class ClientAdministration {

	private final ClientRegistrations registrations;

	private final ClientSecrets secrets;

	ClientAdministration(ClientRegistrations registrations, ClientSecrets secrets) {
		this.registrations = registrations;
		this.secrets = secrets;
	}

	CreatedClient create(CreateClientRequest request) {
		ClientType type = request.clientType();
		String clientId = (request.clientId() != null) ? request.clientId() : Secrets.random(12);
		List<String> grantTypes = orEmpty(request.grantTypes());
		boolean requireConsent = (request.requireConsent() != null) ? request.requireConsent()
				: ClientRegistration.requiresConsentByDefault(grantTypes);
		ClientRegistration registration = new ClientRegistration(clientId, request.clientName(), type,
				orEmpty(request.redirectUris()), grantTypes,
				(request.scopes() != null) ? Set.copyOf(request.scopes()) : Set.of(), request.tokenEndpointAuthMethod(),
				requireConsent, request.lifetimes(), request.mutualTls());
		String secret = (type == ClientType.CONFIDENTIAL && !ClientRegistrations.usesCertificate(registration))
				? this.secrets.generate() : null;
		this.registrations.register(registration, secret);
		return new CreatedClient(clientId, secret);
	}

	/**
	 * A new secret for the client, or {@code null} when it has none to replace (a public
	 * or certificate client) or does not exist.
	 */
	@Nullable String rotateSecret(String clientId) {
		String secret = this.secrets.generate();
		return this.registrations.rotateSecret(clientId, secret) ? secret : null;
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}
