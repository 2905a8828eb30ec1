package io.latchkey.bench;

/**
 * A resource server fetches the key set.
 */
record JwksScenario(Target target) implements Scenario {

	@Override
	public String name() {
		return "jwks";
	}

	@Override
	public Worker prepare(int worker) {
		return (phases) -> {
			HttpResponseBody response = this.target.http().get(this.target.endpoints().jwks());
			if (!response.ok()) {
				return Outcome.failed(response.describeError());
			}
			return response.json().path("keys").isArray() ? Outcome.OK : Outcome.failed("200 without keys");
		};
	}

}
