package io.latchkey.datalink;

/**
 * An answer was sent to a link created without {@code allows_submission}.
 */
class SubmissionNotAllowedException extends RuntimeException {

	SubmissionNotAllowedException() {
		super("This link takes no answer.", null, false, false);
	}

}
