package io.latchkey.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of Latchkey's own endpoints at {@code /v3/api-docs} (Swagger UI
 * at {@code /swagger-ui.html}); the OAuth endpoints are described by the discovery
 * documents. Admin endpoints form their own group and require the {@code latchkey:admin}
 * bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String ADMIN_SCHEME = "latchkey-admin";

	@Bean
	OpenAPI latchkeyOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Latchkey")
				.description("Latchkey's own endpoints. OAuth 2.0 and OpenID Connect endpoints are described by "
						+ "/.well-known/openid-configuration.")
				.version("1"))
			.components(new Components().addSecuritySchemes(ADMIN_SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Access token with scope latchkey:admin (client_credentials)")));
	}

	@Bean
	GroupedOpenApi adminApi() {
		return GroupedOpenApi.builder()
			.group("admin")
			.displayName("Admin API (requires latchkey:admin)")
			.pathsToMatch("/api/admin/**")
			.addOpenApiCustomizer(requireAdminToken())
			.build();
	}

	@Bean
	GroupedOpenApi publicApi() {
		return GroupedOpenApi.builder().group("public").pathsToExclude("/api/admin/**").build();
	}

	private static OpenApiCustomizer requireAdminToken() {
		return (openApi) -> openApi.getPaths()
			.values()
			.forEach((path) -> path.readOperations()
				.forEach((operation) -> operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME))
					.addTagsItem("admin")));
	}

}
