package io.latchkey.identity;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.abuse.RateLimiter.Decision;
import io.latchkey.shared.ClientAddress;
import org.jspecify.annotations.Nullable;

/**
 * The budgets of password attempts, shared by the login page and the session API. Every
 * attempt takes a token from each budget before its password is checked, so any number of
 * parallel guesses gets exactly the budget, and an outage that stops the check does not
 * give the token back. A sign-in that succeeds costs nothing: it clears the account's
 * failures from that address and returns the tokens it took.
 * <p>
 * The budgets follow OWASP's credential stuffing guidance: a small one per account and
 * address ({@value #ACCOUNT_AT_ADDRESS}), so a stranger guessing at an account does not
 * lock out its owner signing in from elsewhere; a slow one per account from everywhere
 * ({@value #ACCOUNT}) against guessing spread over many addresses; and one per address
 * ({@value #ADDRESS}) against one address trying many accounts. Addresses count by IPv6
 * /64. An attempt from a device the account signed in on before ({@link KnownDevices})
 * takes from that device's budget ({@value #ACCOUNT_ON_DEVICE}) instead of the account's
 * global and per-address ones, so that guessing from elsewhere cannot lock the owner out
 * there.
 */
class SignInLimits {

	static final String ADDRESS = "login-ip";

	static final String ACCOUNT_AT_ADDRESS = "login-account-ip";

	static final String ACCOUNT = "login-account";

	static final String ACCOUNT_ON_DEVICE = "login-account-device";

	private final RateLimiter limiter;

	private final KnownDevices devices;

	SignInLimits(RateLimiter limiter, KnownDevices devices) {
		this.limiter = limiter;
		this.devices = devices;
	}

	/**
	 * Takes one attempt from each budget, the attacker's own first, so that an address
	 * over its budget spends nothing of the account's.
	 * @throws SignInThrottledException when a budget is spent
	 */
	Attempt admit(String username, String address, @Nullable String deviceCookie) {
		String account = KnownDevices.normalised(username);
		Attempt attempt = new Attempt(account, ClientAddress.limitKey(address),
				this.devices.deviceOf(account, deviceCookie));
		refuseUnless(this.limiter.consume(ADDRESS, attempt.network()));
		if (attempt.device() != null) {
			refuseUnless(this.limiter.consume(ACCOUNT_ON_DEVICE, attempt.accountOnDevice()));
			return attempt;
		}
		refuseUnless(this.limiter.consume(ACCOUNT_AT_ADDRESS, attempt.accountAtAddress()));
		refuseUnless(this.limiter.consume(ACCOUNT, attempt.account()));
		return attempt;
	}

	void succeeded(Attempt attempt) {
		if (attempt.device() != null) {
			this.limiter.reset(ACCOUNT_ON_DEVICE, attempt.accountOnDevice());
		}
		else {
			this.limiter.reset(ACCOUNT_AT_ADDRESS, attempt.accountAtAddress());
			this.limiter.refund(ACCOUNT, attempt.account());
		}
		this.limiter.refund(ADDRESS, attempt.network());
	}

	private static void refuseUnless(Decision decision) {
		if (!decision.allowed()) {
			throw new SignInThrottledException(decision.retryAfter());
		}
	}

	/**
	 * One admitted attempt.
	 *
	 * @param account the login name, normalised
	 * @param network the address's rate-limit key
	 * @param device the id of the known device it comes from, if any
	 */
	record Attempt(String account, String network, @Nullable String device) {

		/** A network key holds no space, so the last space separates the two. */
		String accountAtAddress() {
			return this.account + " " + this.network;
		}

		/** A device id is base64url and holds no space either. */
		String accountOnDevice() {
			return this.account + " " + this.device;
		}

	}

}
