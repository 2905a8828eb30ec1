package io.latchkey.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API of the audit log: {@code GET /api/admin/audit} searches it, newest first, and
 * {@code GET /api/admin/audit/verify} checks its chain.
 */
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditLog log;

	private final AuditChain chain;

	AuditController(AuditLog log, AuditChain chain) {
		this.log = log;
		this.chain = chain;
	}

	@GetMapping
	Map<String, Object> search(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size) {
		AuditQuery query = AuditQuery.parse(from, to, type, subject, page, size);
		List<AuditRecord> found = this.log.find(query);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("page", query.page());
		answer.put("size", query.size());
		answer.put("has_more", found.size() > query.size());
		answer.put("items", found.stream().limit(query.size()).map(AuditController::describe).toList());
		return answer;
	}

	@GetMapping("/verify")
	Map<String, Object> verify() {
		ChainVerification verification = this.chain.verify();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("valid", verification.valid());
		answer.put("checked", verification.checked());
		if (verification.firstBroken() != null) {
			answer.put("first_broken",
					Map.of("id", verification.firstBroken().id(), "reason", verification.firstBroken().reason()));
		}
		answer.put("last_hash", verification.lastHash());
		answer.put("pending", verification.pending());
		answer.put("checkpoints", verification.checkpoints());
		return answer;
	}

	private static Map<String, Object> describe(AuditRecord record) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", record.id());
		view.put("occurred_at", record.occurredAt().toString());
		view.put("type", record.type());
		view.put("outcome", record.outcome());
		view.put("actor_type", record.actorType());
		view.put("actor", record.actor());
		view.put("subject", record.subject());
		view.put("tenant", record.tenant());
		view.put("client_ip", record.clientIp());
		view.put("user_agent", record.userAgent());
		view.put("detail", JSON.readTree(record.detail()));
		view.put("prev_hash", record.prevHash());
		view.put("hash", record.hash());
		return view;
	}

}
