package io.latchkey.abuse;

import java.time.Duration;
import java.util.Map;

import io.latchkey.abuse.AbuseSettings.Limit;
import io.latchkey.abuse.AbuseSettings.Lockout;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code latchkey.abuse.*} binds: its defaults, and the settings as the README names
 * them.
 */
class AbuseSettingsTests {

	@Test
	void withNothingSetEveryPurposeHasASafeDefault() {
		AbuseSettings settings = bind(Map.of(), Map.of());

		assertThat(settings.store()).isEqualTo(AbuseSettings.Store.AUTO);
		assertThat(settings.limitFor("anything")).isEqualTo(new Limit(20, Duration.ofMinutes(15)));
		assertThat(settings.lockoutFor("anything")).isEqualTo(new Lockout(5, null));
		assertThat(settings.cleanupInterval()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void purposesBindFromPropertiesAndEnvironmentVariablesWhichWin() {
		AbuseSettings settings = bind(
				Map.of("latchkey.abuse.limits.data-link-factor.capacity", "3",
						"latchkey.abuse.limits.data-link-factor.period", "PT1M",
						"latchkey.abuse.lockouts.data-link-factor.threshold", "4",
						"latchkey.abuse.lockouts.data-link-factor.duration", "PT1H",
						"latchkey.abuse.limits.login-account.capacity", "5",
						"latchkey.abuse.limits.login-account.period", "PT15M"),
				// As the environment gives them; a purpose named only there has
				// no dashes.
				Map.of("LATCHKEY_ABUSE_STORE", "memory", "LATCHKEY_ABUSE_LIMITS_LOGIN_ACCOUNT_CAPACITY", "7",
						"LATCHKEY_ABUSE_LIMITS_LOGIN_ACCOUNT_PERIOD", "PT10M", "LATCHKEY_ABUSE_FALLBACK_CAPACITY", "9",
						"LATCHKEY_ABUSE_FALLBACK_PERIOD", "PT2M", "LATCHKEY_ABUSE_LOCKOUT_FALLBACK_THRESHOLD", "10",
						"LATCHKEY_ABUSE_LIMITS_USERCODE_CAPACITY", "11", "LATCHKEY_ABUSE_LIMITS_USERCODE_PERIOD",
						"PT1M"));

		assertThat(settings.store()).isEqualTo(AbuseSettings.Store.MEMORY);
		assertThat(settings.limitFor("data-link-factor")).isEqualTo(new Limit(3, Duration.ofMinutes(1)));
		assertThat(settings.lockoutFor("data-link-factor")).isEqualTo(new Lockout(4, Duration.ofHours(1)));
		assertThat(settings.limitFor("login-account")).isEqualTo(new Limit(7, Duration.ofMinutes(10)));
		assertThat(settings.limitFor("other")).isEqualTo(new Limit(9, Duration.ofMinutes(2)));
		assertThat(settings.lockoutFor("other")).isEqualTo(new Lockout(10, null));
		assertThat(settings.limitFor("user-code")).isEqualTo(new Limit(11, Duration.ofMinutes(1)));
	}

	private static AbuseSettings bind(Map<String, Object> properties, Map<String, Object> environment) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("properties", properties));
		env.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(
					"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("latchkey.abuse", AbuseSettings.class);
	}

}
