/**
 * The append-only, hash-chained audit log: listens to the security events other modules
 * publish, records them, and lets admins query and verify the chain.
 */
@ApplicationModule(allowedDependencies = { "shared", "authorization" })
@NullMarked
package io.latchkey.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
