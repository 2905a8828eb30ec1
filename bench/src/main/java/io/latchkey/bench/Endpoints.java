package io.latchkey.bench;

import java.io.IOException;
import java.net.URI;

/**
 * The endpoints the scenarios call.
 *
 * @param authorization the authorization endpoint
 * @param token the token endpoint
 * @param jwks the JSON Web Key Set
 * @param introspection the token introspection endpoint
 */
record Endpoints(URI authorization, URI token, URI jwks, URI introspection) {

	/**
	 * Spring Authorization Server's default paths under the issuer.
	 */
	static Endpoints defaults(URI issuer) {
		String base = withoutTrailingSlash(issuer.toString());
		return new Endpoints(URI.create(base + "/oauth2/authorize"), URI.create(base + "/oauth2/token"),
				URI.create(base + "/oauth2/jwks"), URI.create(base + "/oauth2/introspect"));
	}

	/**
	 * Reads the endpoints from the issuer's OpenID Provider metadata, keeping the
	 * defaults for any it does not list.
	 */
	static Endpoints discover(OAuthHttp http, URI issuer) throws IOException, InterruptedException {
		URI metadata = URI.create(withoutTrailingSlash(issuer.toString()) + "/.well-known/openid-configuration");
		HttpResponseBody response = http.get(metadata);
		if (!response.ok()) {
			throw new IOException("Discovery failed at " + metadata + ": HTTP " + response.status());
		}
		Endpoints defaults = defaults(issuer);
		return new Endpoints(member(response, "authorization_endpoint", defaults.authorization()),
				member(response, "token_endpoint", defaults.token()), member(response, "jwks_uri", defaults.jwks()),
				member(response, "introspection_endpoint", defaults.introspection()));
	}

	Endpoints with(URI authorization, URI token, URI jwks, URI introspection) {
		return new Endpoints((authorization != null) ? authorization : this.authorization,
				(token != null) ? token : this.token, (jwks != null) ? jwks : this.jwks,
				(introspection != null) ? introspection : this.introspection);
	}

	private static URI member(HttpResponseBody metadata, String name, URI fallback) {
		String value = metadata.text(name);
		return (value != null) ? URI.create(value) : fallback;
	}

	private static String withoutTrailingSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

}
