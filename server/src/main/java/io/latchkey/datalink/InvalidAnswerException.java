package io.latchkey.datalink;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A submitted answer does not satisfy the link's schema or {@code Questionnaire}.
 */
class InvalidAnswerException extends PersonSideProblem {

	private final List<FieldError> errors;

	InvalidAnswerException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "invalid-answer", "The answer is not valid: " + String.join("; ",
				errors.stream().limit(5).map((error) -> error.field() + ": " + error.message()).toList()));
		this.errors = List.copyOf(errors);
		addProperty("errors",
				this.errors.stream()
					.map((error) -> Map.of("field", error.field(), "message", error.message()))
					.toList());
	}

	List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One problem with an answer.
	 *
	 * @param field the JSON pointer of the value, or the {@code Questionnaire} item's
	 * {@code linkId}
	 * @param message what is wrong
	 */
	record FieldError(String field, String message) {

	}

}
