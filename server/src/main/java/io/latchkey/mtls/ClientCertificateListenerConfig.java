package io.latchkey.mtls;

import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfig.CertificateVerification;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the HTTPS listener asks for client certificates ({@code server.ssl.client-auth:
 * want}), lets every certificate through the handshake so that self-signed ones reach the
 * authorization server.
 */
@Configuration(proxyBeanMethods = false)
class ClientCertificateListenerConfig {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> anyClientCertificate() {
		return (factory) -> factory.addConnectorCustomizers((connector) -> {
			for (SSLHostConfig host : connector.findSslHostConfigs()) {
				if (host.getCertificateVerification() == CertificateVerification.OPTIONAL) {
					host.setTrustManagerClassName(AnyClientCertificateTrustManager.class.getName());
				}
			}
		});
	}

}
