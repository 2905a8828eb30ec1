/**
 * Sends messages: email through SMTP, SMS through an HTTP gateway, or, where neither is
 * set up, into a dev outbox the admin API lists.
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package io.latchkey.delivery;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
