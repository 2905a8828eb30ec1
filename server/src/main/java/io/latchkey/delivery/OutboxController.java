package io.latchkey.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the dev outbox: {@code GET /api/admin/outbox} (admin only, like all of
 * {@code /api/admin}); {@code 404} where the outbox is off.
 */
@RestController
class OutboxController {

	private final DevOutbox outbox;

	OutboxController(DevOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/admin/outbox")
	ResponseEntity<Map<String, Object>> list() {
		if (!this.outbox.enabled()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "There is nothing at this address.");
		}
		List<Map<String, Object>> messages = this.outbox.list().stream().map(OutboxController::describe).toList();
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of("messages", messages));
	}

	private static Map<String, Object> describe(DevOutbox.Entry entry) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", entry.id());
		view.put("at", entry.at());
		view.put("channel", entry.channel().name().toLowerCase());
		view.put("to", entry.to());
		view.put("subject", entry.subject());
		view.put("text", entry.text());
		return view;
	}

}
