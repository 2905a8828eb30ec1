package io.latchkey.invitation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.latchkey.shared.LatchkeyProperties;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/invitation}: the app trades the link secret for an authorization code
 * (and a verifier, when it sent no challenge) and then calls the token endpoint as usual.
 */
@RestController
class RedemptionController {

	/** A well-formed body is a few hundred bytes; anything far larger is malformed. */
	static final int MAX_BODY = 4096;

	private final InvitationRedemption redemption;

	private final RedemptionThrottle throttle;

	private final JsonMapper json;

	private final String tokenEndpoint;

	RedemptionController(InvitationRedemption redemption, RedemptionThrottle throttle, JsonMapper json,
			LatchkeyProperties properties) {
		this.redemption = redemption;
		this.throttle = throttle;
		this.json = json;
		String issuer = properties.issuer().toString();
		this.tokenEndpoint = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
				+ "/oauth2/token";
	}

	@PostMapping("/api/invitation")
	ResponseEntity<Map<String, Object>> redeem(HttpServletRequest request) throws IOException {
		Origin origin = Origin.of(request);
		RedemptionThrottle.Admission admission = this.throttle.admit(origin.address());
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		Optional<RedemptionRequest> parsed = (body.length > MAX_BODY) ? Optional.empty()
				: RedemptionRequest.parse(body, this.json);
		Redeemed redeemed;
		try {
			redeemed = this.redemption.redeem(parsed, origin);
		}
		catch (InvalidInvitationException ex) {
			admission.refuseIfGlobalSpent();
			return RedemptionAnswers.invalid();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("client_id", redeemed.clientId());
		answer.put("code", redeemed.code().code());
		if (redeemed.codeVerifier() != null) {
			answer.put("code_verifier", redeemed.codeVerifier());
		}
		answer.put("redirect_uri", redeemed.code().redirectUri());
		answer.put("token_endpoint", this.tokenEndpoint);
		return RedemptionAnswers.noStore(ResponseEntity.ok()).body(answer);
	}

}
