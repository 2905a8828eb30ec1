package io.latchkey.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * A search of the audit log: a time range (from inclusive, to exclusive), an event type,
 * a subject, and which page of how many records.
 */
record AuditQuery(@Nullable Instant from, @Nullable Instant to, @Nullable String type, @Nullable String subject,
		int page, int size) {

	static final int MAX_SIZE = 500;

	private static final int MAX_PAGE = 1_000_000;

	static AuditQuery parse(@Nullable String from, @Nullable String to, @Nullable String type, @Nullable String subject,
			@Nullable String page, @Nullable String size) {
		Instant start = instant("from", from);
		Instant end = instant("to", to);
		if (start != null && end != null && end.isBefore(start)) {
			throw new InvalidAuditQueryException("to must not be before from");
		}
		if (type != null && !type.matches("[a-z][a-z0-9._-]{0,63}")) {
			throw new InvalidAuditQueryException("type must be an event type such as login or token.issued");
		}
		if (subject != null && (subject.isEmpty() || subject.length() > 200)) {
			throw new InvalidAuditQueryException("subject must have 1 to 200 characters");
		}
		return new AuditQuery(start, end, type, subject, number("page", page, 0, 0, MAX_PAGE),
				number("size", size, 50, 1, MAX_SIZE));
	}

	private static @Nullable Instant instant(String name, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidAuditQueryException(name + " must be an ISO-8601 instant such as 2025-01-31T12:00:00Z");
		}
	}

	private static int number(String name, @Nullable String value, int fallback, int min, int max) {
		if (value == null || value.isEmpty()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below, like a number out of range.
		}
		throw new InvalidAuditQueryException(name + " must be a whole number from " + min + " to " + max);
	}

}
