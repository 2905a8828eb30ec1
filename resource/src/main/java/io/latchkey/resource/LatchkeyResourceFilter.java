package io.latchkey.resource;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Protects a FHIR server with Latchkey access tokens, as a plain servlet filter (the
 * Spring Boot auto-configuration registers the same filter). Requests under the FHIR base
 * need a valid token for this server, presented as its binding requires, whose SMART
 * scopes allow the interaction within the token's patient compartment; the accepted token
 * goes on in the request attribute {@link VerifiedAccessToken#ATTRIBUTE}.
 * {@code metadata} (the CapabilityStatement) is public, and
 * {@code .well-known/smart-configuration} is answered here from the issuer's.
 */
public final class LatchkeyResourceFilter implements Filter {

	private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(Bearer|DPoP) ([A-Za-z0-9\\-._~+/]+=*)");

	private static final String SMART_CONFIGURATION = "/.well-known/smart-configuration";

	private final ResourceServerSettings settings;

	private final AccessTokenVerifier tokens;

	private final TokenBindings bindings;

	private final AccessPolicy policy;

	private final SmartConfiguration smartConfiguration;

	public LatchkeyResourceFilter(ResourceServerSettings settings, PatientCompartment compartment) {
		this(settings, compartment, Clock.systemUTC());
	}

	/** With the clock that decides whether a token has expired. */
	public LatchkeyResourceFilter(ResourceServerSettings settings, PatientCompartment compartment, Clock clock) {
		this(settings, compartment, clock, new IssuerKeys(settings));
	}

	LatchkeyResourceFilter(ResourceServerSettings settings, PatientCompartment compartment, Clock clock,
			JWKSource<SecurityContext> keys) {
		this.settings = settings;
		this.tokens = new AccessTokenVerifier(settings, keys, clock);
		this.bindings = new TokenBindings(settings);
		this.policy = new AccessPolicy(compartment);
		this.smartConfiguration = new SmartConfiguration(settings, clock);
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		Optional<String> path = pathUnderBase(request);
		if (path.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (path.get().equals(SMART_CONFIGURATION) && request.getMethod().equals("GET")) {
			serveSmartConfiguration(response);
			return;
		}
		if (path.get().equals("/metadata") || request.getMethod().equals("OPTIONS")) {
			chain.doFilter(request, response);
			return;
		}
		List<String> headers = Collections.list(request.getHeaders("Authorization"));
		if (headers.isEmpty()) {
			ResourceResponses.unauthenticated(response);
			return;
		}
		Matcher authorization = AUTHORIZATION.matcher(headers.get(0).strip());
		if (headers.size() > 1 || !authorization.matches()) {
			ResourceResponses.invalidRequest(response, "one Authorization header with a Bearer or DPoP token");
			return;
		}
		String scheme = authorization.group(1);
		String token = authorization.group(2);
		VerifiedAccessToken accepted;
		try {
			JWTClaimsSet claims = this.tokens.verify(token);
			// A DPoP-bound token is challenged in its own scheme (RFC 9449
			// section 7.1).
			scheme = TokenBindings.dpopBound(claims) ? "DPoP" : scheme;
			this.bindings.check(authorization.group(1), token, claims, request);
			accepted = accepted(claims);
		}
		catch (InvalidTokenException ex) {
			ResourceResponses.invalidToken(response, scheme, ex.getMessage());
			return;
		}
		catch (InvalidProofException ex) {
			ResourceResponses.invalidProof(response, ex.getMessage());
			return;
		}
		catch (KeysUnavailableException ex) {
			ResourceResponses.unavailable(response, "the authorization server cannot be reached");
			return;
		}
		Optional<FhirRequest> fhirRequest = FhirRequest.of(request.getMethod(), path.get(), parameters(request));
		if (fhirRequest.isEmpty() || !this.policy.allows(accepted, fhirRequest.get())) {
			ResourceResponses.insufficientScope(response, scheme,
					"the access token's scopes or patient do not allow this request");
			return;
		}
		request.setAttribute(VerifiedAccessToken.ATTRIBUTE, accepted);
		chain.doFilter(request, response);
	}

	private void serveSmartConfiguration(HttpServletResponse response) throws IOException {
		String json;
		try {
			json = this.smartConfiguration.json();
		}
		catch (IOException ex) {
			ResourceResponses.unavailable(response, "the authorization server's SMART configuration is unavailable");
			return;
		}
		ResourceResponses.json(response, json);
	}

	/** The path under the FHIR base, or empty for requests elsewhere. */
	private Optional<String> pathUnderBase(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String base = this.settings.basePath();
		if (!path.startsWith(base + "/")) {
			return Optional.empty();
		}
		return Optional.of(path.substring(base.length()));
	}

	private static Map<String, List<String>> parameters(HttpServletRequest request) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
		return parameters;
	}

	private static VerifiedAccessToken accepted(JWTClaimsSet claims) {
		String scope = scopeOf(claims.getClaim("scope"));
		Object patient = claims.getClaim("patient");
		Object clientId = claims.getClaim("client_id");
		Instant expiresAt = claims.getExpirationTime().toInstant();
		return new VerifiedAccessToken(claims.getSubject(), (clientId instanceof String value) ? value : null, scope,
				SmartScope.parseAll(scope), (patient instanceof String value) ? value : null, expiresAt,
				withoutNulls(claims.toJSONObject()));
	}

	/** Latchkey writes {@code scope} as a string; some servers write a list. */
	private static String scopeOf(Object claim) {
		if (claim instanceof String value) {
			return value;
		}
		if (claim instanceof List<?> values) {
			return String.join(" ", values.stream().map(String::valueOf).toList());
		}
		return "";
	}

	private static Map<String, Object> withoutNulls(Map<String, Object> claims) {
		Map<String, Object> copy = new LinkedHashMap<>();
		claims.forEach((name, value) -> {
			if (value != null) {
				copy.put(name, value);
			}
		});
		return copy;
	}

}
