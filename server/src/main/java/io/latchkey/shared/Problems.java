package io.latchkey.shared;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with Latchkey's stable {@code type} URIs and {@code code}
 * member, so that programs can tell failures apart without parsing prose.
 */
public final class Problems {

	public static final String TYPE_BASE = "https://latchkey.io/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setProperty("code", code);
		return problem;
	}

}
