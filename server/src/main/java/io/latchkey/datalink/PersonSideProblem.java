package io.latchkey.datalink;

import java.net.URI;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal on the person's side of data links. It answers alike whatever the path, since
 * the link id in the path is a secret and would tell refusals apart, and is never cached.
 */
abstract class PersonSideProblem extends ProblemException {

	private static final URI PERSON_API = URI.create("/api/data-links");

	PersonSideProblem(HttpStatus status, String code, String detail) {
		super(status, code, detail, false);
		setInstance(PERSON_API);
		addHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
