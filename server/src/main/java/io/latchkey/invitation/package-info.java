/**
 * Invitation links: create, deliver, redeem for an authorization code, revoke.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "authorization", "abuse", "delivery" })
@NullMarked
package io.latchkey.invitation;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
