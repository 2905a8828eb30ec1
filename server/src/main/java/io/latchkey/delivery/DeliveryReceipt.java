package io.latchkey.delivery;

/**
 * Which way a message went.
 *
 * @param channel email or SMS
 * @param route {@code smtp}, {@code sms-gateway} or {@code outbox}
 */
public record DeliveryReceipt(Channel channel, String route) {

}
