package io.latchkey.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /console} opens the section every console user has: invitations.
 */
@Controller
class ConsoleHomeController {

	@GetMapping("/console")
	String home() {
		return "redirect:/console/invitations";
	}

}
