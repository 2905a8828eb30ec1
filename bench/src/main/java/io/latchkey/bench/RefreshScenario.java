package io.latchkey.bench;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * A public client refreshes; each worker holds its own token family and always presents
 * the refresh token the previous response returned, as a rotating client must.
 */
record RefreshScenario(Target target) implements Scenario {

	@Override
	public String name() {
		return "refresh";
	}

	@Override
	public Worker prepare(int worker) throws Exception {
		Browser browser = this.target.newBrowser();
		CodeVerifier pkce = new CodeVerifier();
		String code = browser.authorize(this.target.endpoints().authorization(), pkce);
		HttpResponseBody tokens = this.target.exchangeCode(code, pkce);
		String first = tokens.text("refresh_token");
		if (first == null) {
			throw new IllegalStateException("The code exchange returned no refresh token ("
					+ (tokens.ok() ? "200" : tokens.describeError()) + "); is offline_access granted?");
		}
		return new Worker() {

			private String refreshToken = first;

			@Override
			public Outcome execute(PhaseRecorder phases) throws Exception {
				HttpResponseBody response = RefreshScenario.this.target.refresh(this.refreshToken);
				Outcome outcome = ClientCredentialsScenario.tokenOutcome(response);
				String next = response.ok() ? response.text("refresh_token") : null;
				// A server that does not rotate returns no new refresh token; keep
				// the old one.
				if (next != null) {
					this.refreshToken = next;
				}
				return outcome;
			}

		};
	}

}
