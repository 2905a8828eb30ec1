package io.latchkey.authorization.store;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Keeps an authorization request as a small JSON object of its plain fields.
 */
final class StoredAuthorizationRequest {

	private StoredAuthorizationRequest() {
	}

	static String write(OAuth2AuthorizationRequest request) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("authorization_uri", request.getAuthorizationUri());
		fields.put("client_id", request.getClientId());
		fields.put("redirect_uri", request.getRedirectUri());
		fields.put("scopes", List.copyOf(request.getScopes()));
		fields.put("state", request.getState());
		fields.put("additional_parameters", request.getAdditionalParameters());
		fields.put("attributes", request.getAttributes());
		fields.put("authorization_request_uri", request.getAuthorizationRequestUri());
		return TypedJson.write(fields);
	}

	@SuppressWarnings("unchecked")
	static OAuth2AuthorizationRequest read(String json) {
		Map<String, Object> fields = TypedJson.read(json);
		Set<String> scopes = new LinkedHashSet<>((List<String>) fields.get("scopes"));
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri((String) fields.get("authorization_uri"))
			.clientId((String) fields.get("client_id"))
			.redirectUri((String) fields.get("redirect_uri"))
			.scopes(scopes)
			.state((String) fields.get("state"))
			.additionalParameters((Map<String, Object>) fields.get("additional_parameters"))
			.attributes((Map<String, Object>) fields.get("attributes"))
			.authorizationRequestUri((String) fields.get("authorization_request_uri"))
			.build();
	}

}
