package io.latchkey.client;

import java.time.Duration;

/**
 * Waits between polls of the device flow; tests give one that moves their clock instead.
 */
@FunctionalInterface
public interface Sleeper {

	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	void sleep(Duration duration) throws InterruptedException;

}
