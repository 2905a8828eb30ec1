package io.latchkey.abuse;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A JSON endpoint limited the way features limit theirs, and a recorder of the module's
 * events from every thread.
 */
@TestConfiguration(proxyBeanMethods = false)
class AbuseTestConfiguration {

	/**
	 * The settings of {@link AbuseTestSettings} as command-line arguments, for another
	 * node.
	 */
	static String[] settingsAsArguments() {
		return Arrays.stream(AbuseTestSettings.class.getAnnotation(TestPropertySource.class).properties())
			.map((property) -> "--" + property)
			.toArray(String[]::new);
	}

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	/** Registered as a member of this configuration. */
	@RestController
	static class LimitedEndpoint {

		private final RateLimiter limiter;

		LimitedEndpoint(RateLimiter limiter) {
			this.limiter = limiter;
		}

		@GetMapping("/api/test/limited")
		String limited(@RequestParam String key) {
			this.limiter.enforce("test-endpoint", key);
			return "{\"ok\":true}";
		}

	}

	static class RecordedEvents {

		final List<RateLimited> rateLimited = new CopyOnWriteArrayList<>();

		final List<ObjectLocked> locked = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RateLimited event) {
			this.rateLimited.add(event);
		}

		@EventListener
		void on(ObjectLocked event) {
			this.locked.add(event);
		}

	}

}
