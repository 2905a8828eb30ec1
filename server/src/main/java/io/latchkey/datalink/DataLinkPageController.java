package io.latchkey.datalink;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /l/{id}}: the page a link opens. It records a visit and consumes nothing, so
 * link scanners and previews do no harm; {@code HEAD} records nothing at all.
 */
@Controller
class DataLinkPageController {

	private final DataLinkAccess access;

	private final Visitors visitors;

	private final Clock clock;

	DataLinkPageController(DataLinkAccess access, Visitors visitors, Clock clock) {
		this.access = access;
		this.visitors = visitors;
		this.clock = clock;
	}

	@GetMapping("/l/{id}")
	String open(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		DataLink link = "HEAD".equals(request.getMethod()) ? this.access.find(id)
				: this.access.visit(id, this.visitors.of(request));
		if (link == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("state", "unknown");
		}
		else if (link.isGone(this.clock.instant())) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("state", "gone");
		}
		else {
			model.addAttribute("state", "factor");
			model.addAttribute("factor", link.factorType().value());
		}
		return "data-link";
	}

}
