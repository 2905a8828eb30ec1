package io.latchkey.authorization;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.authorization.store.RefreshTokenGrantGuard;
import io.latchkey.identity.PatientsInCare;
import io.latchkey.shared.LatchkeyProperties;
import io.latchkey.shared.SecretFreeRequestCache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

/**
 * Wires Spring Authorization Server: its protocol endpoints in their own filter chain,
 * with Latchkey's stores, token generator and client authentication plugged in.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

	/** How long another node may still see a client as it was before a change. */
	static final Duration CLIENT_CACHE_TIME_TO_LIVE = Duration.ofSeconds(10);

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, ClientSecrets clientSecrets,
			RegisteredClientRepository clients, RefreshTokenGrantGuard refreshTokenGrantGuard, RateLimiter limiter,
			PrivilegedScopeGuard privilegedScopeGuard, AuthorizationServerSettings settings, SmartSettings smart,
			ApplicationEventPublisher events, ObjectProvider<ProtocolEndpointsCustomizer> featureCustomizers,
			PlatformTransactionManager transactionManager, PatientsInCare patients, Clock clock) {
		TokenEndpointTransactions transactions = new TokenEndpointTransactions(transactionManager, events, clock);
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults())
				.authorizationEndpoint((endpoint) -> endpoint.consentPage("/oauth2/consent")
					.errorResponseHandler(new AuthorizationErrorResponseHandler(clients))
					.authenticationProviders((providers) -> providers.stream()
						.filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
						.map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
						.forEach((provider) -> provider
							.setAuthenticationValidator(new SmartAuthorizationRequestValidator(smart, patients)))))
				.tokenEndpoint((endpoint) -> endpoint.accessTokenResponseHandler(smartTokenResponseHandler(smart))
					.authenticationProviders((providers) -> {
						providers.stream()
							.filter(OAuth2ClientCredentialsAuthenticationProvider.class::isInstance)
							.map(OAuth2ClientCredentialsAuthenticationProvider.class::cast)
							.forEach((provider) -> provider
								.setAuthenticationValidator(new SmartClientCredentialsScopeValidator()));
						providers.replaceAll(refreshTokenGrantGuard::guard);
						featureCustomizers.orderedStream()
							.forEach((customizer) -> providers.replaceAll(customizer::tokenEndpointProvider));
						providers.replaceAll(privilegedScopeGuard::guard);
						providers.replaceAll(transactions::grant);
					}))
				.tokenRevocationEndpoint((endpoint) -> endpoint
					.authenticationProviders((providers) -> providers.replaceAll(transactions::revocation)))
				.clientAuthentication((authentication) -> authentication
					.authenticationConverter(new PublicClientRefreshTokenAuthenticationConverter())
					.authenticationConverter(new MissingCodeVerifierAuthenticationConverter(clients))
					.authenticationConverter(new PublicClientRevocationAuthenticationConverter(clients,
							settings.getTokenRevocationEndpoint()))
					.errorResponseHandler(new ClientAuthenticationFailureHandler())
					.authenticationProviders((providers) -> {
						providers.add(0, new PublicClientRefreshTokenAuthenticationProvider(clients));
						providers.add(1, new PublicClientRevocationAuthenticationProvider(clients));
						providers.stream()
							.filter(ClientSecretAuthenticationProvider.class::isInstance)
							.map(ClientSecretAuthenticationProvider.class::cast)
							.forEach((provider) -> provider.setPasswordEncoder(clientSecrets.encoder()));
						providers.replaceAll((provider) -> (provider instanceof ClientSecretAuthenticationProvider)
								? new ClientSecretGuard(provider, clients, limiter) : provider);
						featureCustomizers.orderedStream()
							.forEach((customizer) -> providers.replaceAll(customizer::clientAuthenticationProvider));
					}));
			featureCustomizers.orderedStream().forEach((customizer) -> customizer.customize(server));
		});
		http.addFilterAfter(new SmartPatientPickerFilter(settings.getAuthorizationEndpoint(), patients),
				SecurityContextHolderFilter.class);
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.requestCache((cache) -> cache.requestCache(new SecretFreeRequestCache(AnyRequestMatcher.INSTANCE)))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new InvalidClientEntryPoint(), clientAuthenticatedEndpoints())
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browserRequests()))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.bearerTokenResolver(userInfoBearerToken(settings.getOidcUserInfoEndpoint()))
				.jwt(Customizer.withDefaults())
				.dPoP((dPoP) -> dPoP.requestMatcher(userInfoDPoPRequests(settings.getOidcUserInfoEndpoint()))));
		return http.build();
	}

	/**
	 * Of the protocol endpoints only UserInfo takes a bearer token (an access token,
	 * which the library looks up). Everywhere else the header is ignored, so no token of
	 * any kind signs a person in at the authorization or device verification endpoint.
	 */
	private static BearerTokenResolver userInfoBearerToken(String userInfoEndpoint) {
		RequestMatcher userInfo = PathPatternRequestMatcher.withDefaults().matcher(userInfoEndpoint);
		DefaultBearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();
		return (request) -> userInfo.matches(request) ? bearerTokens.resolve(request) : null;
	}

	private static RequestMatcher userInfoDPoPRequests(String userInfoEndpoint) {
		RequestMatcher userInfo = PathPatternRequestMatcher.withDefaults().matcher(userInfoEndpoint);
		return (request) -> userInfo.matches(request)
				&& StringUtils.startsWithIgnoreCase(request.getHeader(HttpHeaders.AUTHORIZATION), "DPoP ");
	}

	private static RequestMatcher clientAuthenticatedEndpoints() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(paths.matcher("/oauth2/token"), paths.matcher("/oauth2/introspect"),
				paths.matcher("/oauth2/revoke"), paths.matcher("/oauth2/device_authorization"));
	}

	/**
	 * Only requests that ask for HTML by name; a client that accepts anything is not a
	 * browser.
	 */
	private static MediaTypeRequestMatcher browserRequests() {
		MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return matcher;
	}

	private static OAuth2AccessTokenResponseAuthenticationSuccessHandler smartTokenResponseHandler(
			SmartSettings smart) {
		OAuth2AccessTokenResponseAuthenticationSuccessHandler handler = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
		handler.setAccessTokenResponseCustomizer(new SmartTokenResponseCustomizer(smart));
		return handler;
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(LatchkeyProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
	}

	@Bean
	CachingRegisteredClientRepository registeredClientRepository(JdbcOperations jdbc, Clock clock) {
		return new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(jdbc),
				CLIENT_CACHE_TIME_TO_LIVE, clock);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder,
			ObjectProvider<OAuth2TokenCustomizer<JwtEncodingContext>> customizers, Clock clock) {
		JwtGenerator jwtGenerator = new JwtGenerator(jwtEncoder);
		List<OAuth2TokenCustomizer<JwtEncodingContext>> ordered = customizers.orderedStream().toList();
		jwtGenerator.setJwtCustomizer((context) -> ordered.forEach((customizer) -> customizer.customize(context)));
		return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OAuth2AccessTokenGenerator(),
				new SmartOfflineAccess(new RotatingRefreshTokenGenerator(clock)));
	}

}
