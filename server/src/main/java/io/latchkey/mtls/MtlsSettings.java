package io.latchkey.mtls;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of mutual TLS.
 *
 * @param endpointBase base URL of the listener that asks for client certificates, when it
 * is not the issuer's (RFC 8705 §5); {@code mtls_endpoint_aliases} point there
 */
@ConfigurationProperties("latchkey.mtls")
record MtlsSettings(@Nullable URI endpointBase) {

}
