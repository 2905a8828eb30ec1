package io.latchkey.invitation;

import io.latchkey.authorization.IssuedCode;
import org.jspecify.annotations.Nullable;

/**
 * What a successful redemption hands the app: the code and, when the app sent no
 * challenge of its own, the verifier Latchkey generated for it.
 */
record Redeemed(String clientId, IssuedCode code, @Nullable String codeVerifier) {

	@Override
	public String toString() {
		return "Redeemed[" + this.clientId + "]";
	}

}
