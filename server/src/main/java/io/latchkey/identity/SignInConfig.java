package io.latchkey.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.shared.MasterKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in as the one {@code AuthenticationProvider} of the application, so that
 * Spring Security's form login and the session API share it: local accounts, and the
 * directory before or after them when {@code latchkey.ldap.enabled}.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfig {

	@Bean
	KnownDevices knownDevices(MasterKey masterKey) {
		return new KnownDevices(masterKey);
	}

	@Bean
	PasswordSignIn passwordSignIn(UserAccounts accounts, PasswordEncoder passwords, DirectorySettings directory,
			RateLimiter limiter, KnownDevices devices, ApplicationEventPublisher events, Clock clock) {
		DaoAuthenticationProvider local = new DaoAuthenticationProvider(new LocalAccountUserDetailsService(accounts));
		local.setPasswordEncoder(passwords);
		// PasswordSignIn must tell "no such local account" from "wrong password" to
		// decide whether a directory outage matters; it hides the difference itself.
		local.setHideUserNotFoundExceptions(false);
		List<PasswordSignIn.Source> sources = new ArrayList<>();
		sources.add(new PasswordSignIn.Source(SignedInPerson.LOCAL, false, local));
		if (directory.enabled()) {
			PasswordSignIn.Source ldap = new PasswordSignIn.Source(directory.name(), true,
					DirectoryProviders.create(directory));
			sources.add((directory.order() == DirectorySettings.Order.BEFORE_LOCAL) ? 0 : 1, ldap);
		}
		return new PasswordSignIn(sources, new SignInLimits(limiter, devices), events, clock);
	}

}
