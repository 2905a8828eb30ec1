package io.latchkey.device;

import java.time.Instant;

/**
 * A person denied a device's request; carries no code.
 *
 * @param clientId the client the device runs
 * @param principal who denied
 * @param remoteAddress the address the denial came from
 * @param at when
 */
public record DeviceCodeDenied(String clientId, String principal, String remoteAddress, Instant at) {

}
