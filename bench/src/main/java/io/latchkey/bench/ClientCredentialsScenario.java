package io.latchkey.bench;

/**
 * A confidential client obtains an access token with the {@code client_credentials}
 * grant.
 */
record ClientCredentialsScenario(Target target) implements Scenario {

	@Override
	public String name() {
		return "client_credentials";
	}

	@Override
	public Worker prepare(int worker) {
		return (phases) -> tokenOutcome(this.target.clientCredentialsGrant());
	}

	static Outcome tokenOutcome(HttpResponseBody response) {
		if (!response.ok()) {
			return Outcome.failed(response.describeError());
		}
		return (response.text("access_token") != null) ? Outcome.OK : Outcome.failed("200 without access_token");
	}

}
