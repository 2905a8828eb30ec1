/**
 * The admin API and first-start bootstrap.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "authorization" })
@NullMarked
package io.latchkey.admin;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
