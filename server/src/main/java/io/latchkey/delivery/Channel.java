package io.latchkey.delivery;

/**
 * How a message reaches a person.
 */
public enum Channel {

	EMAIL, SMS

}
