package io.latchkey.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit chain from its first record to its head.
 *
 * @param checked how many records were found intact before the first break, or in all
 * @param firstBroken the first break, if any
 * @param lastHash the hash of the last intact record: note it elsewhere, and a later
 * rewrite of the whole chain shows
 */
record ChainVerification(long checked, @Nullable Break firstBroken, String lastHash) {

	boolean valid() {
		return this.firstBroken == null;
	}

	String summary() {
		return valid() ? "audit chain valid: " + this.checked + " records, last hash " + this.lastHash
				: "audit chain BROKEN at record " + this.firstBroken.id() + ": " + this.firstBroken.reason() + " ("
						+ this.checked + " records intact before it)";
	}

	/**
	 * Where and why the chain breaks.
	 *
	 * @param id the id of the first record that is missing, altered or out of place
	 * @param reason what is wrong with it
	 */
	record Break(long id, String reason) {

	}

}
