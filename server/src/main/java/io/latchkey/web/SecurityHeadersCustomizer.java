package io.latchkey.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.stereotype.Component;

/**
 * Applied by Spring Security to every filter chain, the protocol endpoints' included:
 * strict headers on every response and the access log's client id.
 * {@code X-Content-Type-Options}, frame denial and HSTS (on HTTPS requests only, which
 * includes requests a trusted proxy marks as HTTPS) come from Spring Security's defaults.
 */
@Component
class SecurityHeadersCustomizer implements Customizer<HttpSecurity> {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

	private final String contentSecurityPolicy;

	SecurityHeadersCustomizer(BrandingSettings branding) {
		String logoOrigin = branding.logoOrigin();
		this.contentSecurityPolicy = (logoOrigin != null)
				? CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", "img-src 'self' data: " + logoOrigin)
				: CONTENT_SECURITY_POLICY;
	}

	@Override
	public void customize(HttpSecurity http) {
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(this.contentSecurityPolicy))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.addFilterAfter(new ClientIdRecorder(), SecurityContextHolderFilter.class);
	}

}
