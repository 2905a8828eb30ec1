package io.latchkey.datalink;

/**
 * A second factor was refused. Unknown links, wrong factors and locked links all get this
 * one answer, so that nobody learns which it was, nor when a guess was right.
 */
class FactorRejectedException extends RuntimeException {

	FactorRejectedException() {
		super("The link or the answer to its question is not right.", null, false, false);
	}

}
