/**
 * The few small types every module uses: settings, secrets, the master key, problem
 * details.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.latchkey.shared;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
