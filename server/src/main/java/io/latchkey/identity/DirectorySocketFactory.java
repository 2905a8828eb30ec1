package io.latchkey.identity;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.core.io.Resource;

/**
 * TLS sockets that trust the directory's configured trust store. Public only because the
 * JDK's LDAP client instantiates socket factories by class name, through a static
 * {@code getDefault()}; nothing else should use it. A {@link Comparator} because the
 * JDK's connection pool takes connections of a custom factory only from one that compares
 * factory class names.
 */
public final class DirectorySocketFactory extends SSLSocketFactory implements Comparator<Object> {

	private static volatile SSLSocketFactory delegate = (SSLSocketFactory) SSLSocketFactory.getDefault();

	private final SSLSocketFactory sockets;

	private DirectorySocketFactory(SSLSocketFactory sockets) {
		this.sockets = sockets;
	}

	public static SocketFactory getDefault() {
		return new DirectorySocketFactory(delegate);
	}

	static void trust(SSLSocketFactory factory) {
		delegate = factory;
	}

	static SSLSocketFactory fromTrustStore(Resource trustStore, char[] password, String type) {
		try (InputStream in = trustStore.getInputStream()) {
			KeyStore store = KeyStore.getInstance(type);
			store.load(in, password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot load latchkey.ldap.trust-store", ex);
		}
	}

	@Override
	public int compare(Object factory, Object other) {
		return String.valueOf(factory).compareTo(String.valueOf(other));
	}

	@Override
	public Socket createSocket() throws IOException {
		return this.sockets.createSocket();
	}

	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		return this.sockets.createSocket(socket, host, port, autoClose);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return this.sockets.createSocket(host, port);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return this.sockets.createSocket(host, port, localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return this.sockets.createSocket(host, port);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return this.sockets.createSocket(address, port, localAddress, localPort);
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return this.sockets.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.sockets.getSupportedCipherSuites();
	}

}
