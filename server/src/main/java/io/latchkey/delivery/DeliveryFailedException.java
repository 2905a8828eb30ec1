package io.latchkey.delivery;

/**
 * Raised when a message could not be handed over; the reason names the route, never the
 * message.
 */
public class DeliveryFailedException extends RuntimeException {

	DeliveryFailedException(String reason) {
		super(reason);
	}

	DeliveryFailedException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
