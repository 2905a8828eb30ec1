package io.latchkey.invitation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.latchkey.test.AuthorizationCodeFlow;

/**
 * Builds the body of {@code POST /api/admin/invitations} so that a test changes one
 * field.
 */
final class TestInvitations {

	private final Map<String, Object> body = new LinkedHashMap<>();

	private TestInvitations() {
		this.body.put("client_id", AuthorizationCodeFlow.DEMO_CLIENT);
		this.body.put("subject", "patient-" + UUID.randomUUID());
		this.body.put("scope", "openid offline_access launch/patient");
	}

	static TestInvitations invitation() {
		return new TestInvitations();
	}

	TestInvitations clientId(String clientId) {
		this.body.put("client_id", clientId);
		return this;
	}

	TestInvitations subject(String subject) {
		this.body.put("subject", subject);
		return this;
	}

	TestInvitations patient(String patient) {
		this.body.put("patient", patient);
		return this;
	}

	TestInvitations scope(String scope) {
		this.body.put("scope", scope);
		return this;
	}

	TestInvitations expiresIn(long seconds) {
		this.body.put("expires_in", seconds);
		return this;
	}

	TestInvitations email(String address) {
		this.body.put("deliver", Map.of("email", address));
		return this;
	}

	TestInvitations sms(String number) {
		this.body.put("deliver", Map.of("sms", number));
		return this;
	}

	String subject() {
		return (String) this.body.get("subject");
	}

	Map<String, Object> body() {
		return this.body;
	}

}
