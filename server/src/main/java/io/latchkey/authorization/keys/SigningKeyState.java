package io.latchkey.authorization.keys;

/**
 * Where a signing key is in its life: it signs, it only verifies, or it is gone.
 */
enum SigningKeyState {

	/** Signs new tokens and is published. */
	ACTIVE,

	/** Replaced by a newer key; still published so that its tokens keep validating. */
	PREVIOUS,

	/** No longer published; tokens it signed are rejected. */
	RETIRED

}
