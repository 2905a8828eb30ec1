package io.latchkey.bench;

/**
 * A resource server introspects an access token, authenticated as the confidential client
 * that obtained it.
 */
record IntrospectionScenario(Target target) implements Scenario {

	@Override
	public String name() {
		return "introspection";
	}

	@Override
	public Worker prepare(int worker) throws Exception {
		HttpResponseBody grant = this.target.clientCredentialsGrant();
		String token = grant.text("access_token");
		if (token == null) {
			throw new IllegalStateException("Could not obtain a token to introspect: " + grant.describeError());
		}
		return (phases) -> {
			HttpResponseBody response = this.target.introspect(token);
			if (!response.ok()) {
				return Outcome.failed(response.describeError());
			}
			return response.json().path("active").asBoolean() ? Outcome.OK : Outcome.failed("200 inactive");
		};
	}

}
