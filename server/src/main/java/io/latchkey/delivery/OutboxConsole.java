package io.latchkey.delivery;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's view of the dev outbox (admins only): the messages that would have been
 * sent, newest last, where no SMTP server or SMS gateway is set up.
 */
@Controller
class OutboxConsole {

	private final DevOutbox outbox;

	OutboxConsole(DevOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/console/outbox")
	String list(Model model) {
		model.addAttribute("enabled", this.outbox.enabled());
		model.addAttribute("messages", this.outbox.enabled() ? this.outbox.list() : java.util.List.of());
		return "console/outbox";
	}

}
