/**
 * The person's own page: who they are, the apps connected to their data (with a way to
 * cut one off), their browser sessions and their recent sign-ins.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "authorization", "audit" })
@NullMarked
package io.latchkey.account;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
