/**
 * The Device Authorization Grant (RFC 8628) around the library's endpoints: user-code
 * rules, the verification and confirmation pages, guessing limits and polling intervals.
 */
@ApplicationModule(allowedDependencies = { "shared", "abuse", "authorization", "identity" })
@NullMarked
package io.latchkey.device;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
