package io.latchkey.device;

import java.time.Instant;
import java.util.Set;

/**
 * A person approved a device's request; carries no code.
 *
 * @param clientId the client the device runs
 * @param principal who approved
 * @param scopes the scopes approved
 * @param remoteAddress the address the approval came from
 * @param at when
 */
public record DeviceCodeApproved(String clientId, String principal, Set<String> scopes, String remoteAddress,
		Instant at) {

}
