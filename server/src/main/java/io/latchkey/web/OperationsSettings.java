package io.latchkey.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read what describes the running server.
 *
 * @param publicMetadata whether metrics ({@code /actuator/prometheus}) and the OpenAPI
 * description ({@code /v3/api-docs}, Swagger UI) are open to anyone; when not, they need
 * a {@code latchkey:admin} bearer token or an admin session, except on a management port
 * of their own
 */
@ConfigurationProperties("latchkey.operations")
record OperationsSettings(boolean publicMetadata) {

}
