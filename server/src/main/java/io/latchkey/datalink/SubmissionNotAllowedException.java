package io.latchkey.datalink;

import org.springframework.http.HttpStatus;

/**
 * An answer was sent to a link created without {@code allows_submission}.
 */
class SubmissionNotAllowedException extends PersonSideProblem {

	SubmissionNotAllowedException() {
		super(HttpStatus.CONFLICT, "submission-not-allowed", "This link takes no answer.");
	}

}
