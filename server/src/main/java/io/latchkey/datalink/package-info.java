/**
 * Data links: a link to one frozen payload, a second factor, a short lease bound to the
 * browser, and at most one answer.
 */
@ApplicationModule(allowedDependencies = { "shared", "abuse", "delivery" })
@NullMarked
package io.latchkey.datalink;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
