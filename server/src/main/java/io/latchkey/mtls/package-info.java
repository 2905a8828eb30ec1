/**
 * Mutual TLS (RFC 8705): the listener that asks for client certificates, the chain check
 * for {@code tls_client_auth}, and the {@code mtls_endpoint_aliases} in metadata.
 */
@ApplicationModule(allowedDependencies = { "shared", "authorization" })
@NullMarked
package io.latchkey.mtls;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
