package io.latchkey.mtls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

/**
 * Lets any client certificate through the TLS handshake; the authorization server decides
 * per client whether it is good. Public because Tomcat creates it by class name.
 */
public final class AnyClientCertificateTrustManager implements X509TrustManager {

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) {
		// RFC 8705 §2.2: a self-signed certificate chains to no CA, so the
		// handshake cannot judge it. Possession of the key is still proven by
		// the handshake itself; the chain of tls_client_auth certificates is
		// checked by ClientCertificateChainCheck.
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("not a client trust manager");
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return new X509Certificate[0];
	}

}
