/**
 * Pages, security headers, request limits and error answers for Latchkey's own endpoints.
 */
@ApplicationModule(allowedDependencies = { "shared", "abuse", "identity" })
@NullMarked
package io.latchkey.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
