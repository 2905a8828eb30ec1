package io.latchkey.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Sends SMS through an HTTP gateway: a JSON POST of {@code to}, {@code from} and
 * {@code text} with the API key as a bearer token; any 2xx answer counts as accepted.
 */
@Component
class SmsGatewaySender {

	private final DeliverySettings.Sms settings;

	private final JsonMapper json;

	private final HttpClient client;

	SmsGatewaySender(DeliverySettings settings, JsonMapper json) {
		this.settings = settings.sms();
		this.json = json;
		this.client = HttpClient.newBuilder().connectTimeout(this.settings.timeout()).build();
	}

	/** Sends the message; {@code false} when no gateway is set up. */
	boolean send(Message message) {
		if (this.settings.url() == null) {
			return false;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("to", message.to());
		if (this.settings.sender() != null) {
			body.put("from", this.settings.sender());
		}
		body.put("text", message.text());
		HttpRequest.Builder request = HttpRequest.newBuilder(this.settings.url())
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)));
		if (this.settings.apiKey() != null) {
			request.header("Authorization", "Bearer " + this.settings.apiKey());
		}
		try {
			HttpResponse<Void> response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new DeliveryFailedException("The SMS gateway answered " + response.statusCode());
			}
			return true;
		}
		catch (IOException ex) {
			throw new DeliveryFailedException(
					"The SMS gateway could not be reached (" + ex.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailedException("Interrupted while sending an SMS");
		}
	}

}
