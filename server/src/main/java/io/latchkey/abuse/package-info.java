/**
 * Rate limits and lockouts for everything that checks a guessable input.
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package io.latchkey.abuse;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
