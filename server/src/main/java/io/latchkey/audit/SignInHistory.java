package io.latchkey.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A person's recent sign-ins at the login page, as the audit log recorded them, for their
 * account page. A success is recorded under the person's subject, a failure under the
 * name that was typed, so both are asked for.
 */
@Service
public class SignInHistory {

	private static final String LOGIN = "login";

	private final AuditLog log;

	SignInHistory(AuditLog log) {
		this.log = log;
	}

	/** The newest sign-ins first, at most {@code limit}. */
	public List<SignIn> recent(String subject, String loginName, int limit) {
		Stream<AuditRecord> records = this.log.find(new AuditQuery(null, null, LOGIN, subject, 0, limit)).stream();
		if (!loginName.equals(subject)) {
			records = Stream.concat(records,
					this.log.find(new AuditQuery(null, null, LOGIN, loginName, 0, limit)).stream());
		}
		return records.sorted(Comparator.comparing(AuditRecord::occurredAt).reversed())
			.limit(limit)
			.map((record) -> new SignIn(record.occurredAt(), "success".equals(record.outcome()), record.clientIp(),
					record.userAgent()))
			.toList();
	}

	/**
	 * One sign-in.
	 *
	 * @param at when
	 * @param succeeded whether the password was right
	 * @param address the address it came from
	 * @param userAgent the browser that sent it
	 */
	public record SignIn(Instant at, boolean succeeded, @Nullable String address, @Nullable String userAgent) {

	}

}
