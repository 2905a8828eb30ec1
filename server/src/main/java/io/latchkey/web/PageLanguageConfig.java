package io.latchkey.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak the person's language ({@link PageLanguages}); {@code ?lang=es} on any page
 * switches it and remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguageConfig implements WebMvcConfigurer {

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new PageLanguages();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LanguageSwitch languageSwitch = new LanguageSwitch();
		languageSwitch.setParamName(PageLanguages.PARAMETER);
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch);
	}

	/**
	 * The switcher's links are GETs; only those switch, and a query string that cannot be
	 * decoded switches nothing (the page answers it as it would anyway).
	 */
	static final class LanguageSwitch extends LocaleChangeInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws ServletException {
			if (request.getDispatcherType() != DispatcherType.REQUEST || !"GET".equals(request.getMethod())) {
				return true;
			}
			try {
				return super.preHandle(request, response, handler);
			}
			catch (IllegalStateException ex) {
				return true;
			}
		}

	}

}
