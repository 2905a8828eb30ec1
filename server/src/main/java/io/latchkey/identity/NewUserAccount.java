package io.latchkey.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What is needed to create a local account.
 */
public record NewUserAccount(String username, @Nullable String password, @Nullable String email, @Nullable String phone,
		Set<String> roles, @Nullable String patient) {

}
