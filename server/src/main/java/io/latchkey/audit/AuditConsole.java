package io.latchkey.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's audit log (admins only): records newest first, filtered by time, type and
 * subject, a page at a time, with the result of verifying the chain.
 */
@Controller
class AuditConsole {

	private static final String PAGE_SIZE = "50";

	private final AuditLog log;

	private final AuditChain chain;

	AuditConsole(AuditLog log, AuditChain chain) {
		this.log = log;
		this.chain = chain;
	}

	@GetMapping("/console/audit")
	String search(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String page, @RequestParam(defaultValue = "false") boolean verify,
			Model model) {
		AuditQuery query = AuditQuery.parse(from, to, type, subject, page, PAGE_SIZE);
		List<AuditRecord> found = this.log.find(query);
		model.addAttribute("records", found.stream().limit(query.size()).toList());
		model.addAttribute("hasMore", found.size() > query.size());
		model.addAttribute("query", query);
		model.addAttribute("filter", new Filter(from, to, type, subject));
		model.addAttribute("pending", this.log.pending());
		if (verify) {
			// Reads the whole chain: only when asked for, not on every page.
			ChainVerification verification = this.chain.verify();
			model.addAttribute("verification", verification);
			model.addAttribute("chainValid", verification.valid());
		}
		return "console/audit";
	}

	/**
	 * The filters as typed, to fill the form and the page links again.
	 */
	record Filter(@Nullable String from, @Nullable String to, @Nullable String type, @Nullable String subject) {

	}

}
