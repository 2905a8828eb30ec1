/**
 * Spring Authorization Server wiring: clients, keys, token customizers, the authorization
 * store and SMART metadata.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "abuse" })
@NullMarked
package io.latchkey.authorization;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
