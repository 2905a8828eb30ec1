package io.latchkey.abuse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.latchkey.test.MutableClock;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Limits and lockouts of purposes only the tests use, an endpoint and event recorder to
 * observe them, and a clock the tests can move; the test classes of this module share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ AbuseTestConfiguration.class, MutableClock.AsApplicationClock.class })
@TestPropertySource(properties = { "latchkey.abuse.limits.test-tight.capacity=3",
		"latchkey.abuse.limits.test-tight.period=PT1H", "latchkey.abuse.limits.test-endpoint.capacity=2",
		"latchkey.abuse.limits.test-endpoint.period=PT1M", "latchkey.abuse.lockouts.test-lock.threshold=5",
		"latchkey.abuse.lockouts.test-timed.threshold=2", "latchkey.abuse.lockouts.test-timed.duration=PT1S",
		"latchkey.abuse.lockouts.test-count.threshold=100" })
@interface AbuseTestSettings {

}
