/**
 * First-party sessions: a short-lived JWT bound to an HttpOnly fingerprint cookie (the
 * {@code ctx} claim), and the resource-side check that demands both.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "abuse" })
@NullMarked
package io.latchkey.session;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
