package io.latchkey.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit chain from its first record to its head.
 *
 * @param checked how many records were found intact before the first break, or in all
 * @param firstBroken the first break, if any
 * @param lastHash the hash of the last intact record: note it elsewhere, and a later
 * rewrite of the whole chain shows
 * @param pending records written but not linked into the chain yet
 * @param checkpoints signed checkpoints checked
 */
record ChainVerification(long checked, @Nullable Break firstBroken, String lastHash, long pending, long checkpoints) {

	static ChainVerification links(long checked, @Nullable Break firstBroken, String lastHash) {
		return new ChainVerification(checked, firstBroken, lastHash, 0, 0);
	}

	boolean valid() {
		return this.firstBroken == null;
	}

	String summary() {
		return valid()
				? "audit chain valid: " + this.checked + " records, " + this.checkpoints + " signed checkpoints, "
						+ this.pending + " pending, last hash " + this.lastHash
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
