package io.latchkey.datalink;

import org.springframework.http.HttpStatus;

/**
 * A second factor was refused. Unknown links, wrong factors and locked links all get this
 * one answer, so that nobody learns which it was, nor when a guess was right.
 */
class FactorRejectedException extends PersonSideProblem {

	FactorRejectedException() {
		super(HttpStatus.FORBIDDEN, "factor-rejected", "The link or the answer to its question is not right.");
	}

}
