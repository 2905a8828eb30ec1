/**
 * People: local accounts, their passwords and roles, patient records.
 */
@ApplicationModule(allowedDependencies = { "shared", "abuse" })
@NullMarked
package io.latchkey.identity;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
