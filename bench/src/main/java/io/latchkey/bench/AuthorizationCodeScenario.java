package io.latchkey.bench;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * A signed-in user's browser obtains a fresh code (PKCE S256) and the public client
 * exchanges it; the exchange alone is also reported as a phase, since codes are single
 * use and short-lived and cannot be minted far ahead of the measurement.
 */
record AuthorizationCodeScenario(Target target) implements Scenario {

	static final String EXCHANGE = "exchange";

	@Override
	public String name() {
		return "authorization_code";
	}

	@Override
	public Worker prepare(int worker) throws Exception {
		Browser browser = this.target.newBrowser();
		// The first round signs in and consents; later rounds are one redirect each.
		CodeVerifier first = new CodeVerifier();
		HttpResponseBody firstTokens = this.target
			.exchangeCode(browser.authorize(this.target.endpoints().authorization(), first), first);
		if (!firstTokens.ok()) {
			throw new IllegalStateException("The first code exchange failed: " + firstTokens.describeError());
		}
		return (phases) -> {
			CodeVerifier pkce = new CodeVerifier();
			String code = browser.authorize(this.target.endpoints().authorization(), pkce);
			long start = System.nanoTime();
			Outcome outcome = ClientCredentialsScenario.tokenOutcome(this.target.exchangeCode(code, pkce));
			phases.record(EXCHANGE, System.nanoTime() - start, outcome);
			return outcome;
		};
	}

}
