package io.latchkey.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds the address of the client behind a request: the direct peer, unless that peer is
 * one of the trusted proxies, in which case the right-most {@code X-Forwarded-For} entry
 * that is not a trusted proxy. Entries left of it are whatever the client chose to send.
 */
public final class ClientAddress {

	public static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

	private final List<Network> trustedProxies;

	/**
	 * @param trustedProxies CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or
	 * single addresses of the proxies whose {@code X-Forwarded-For} is believed
	 * @throws IllegalArgumentException when an entry is not an IP address or CIDR block
	 */
	public ClientAddress(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(Network::parse).toList();
	}

	public String of(HttpServletRequest request) {
		return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
	}

	/**
	 * The client address, given the direct peer and the {@code X-Forwarded-For} header
	 * values in the order they arrived.
	 */
	public String resolve(String peer, List<String> forwardedFor) {
		InetAddress candidate = literal(peer);
		if (candidate == null) {
			return peer;
		}
		List<String> hops = new ArrayList<>();
		forwardedFor.forEach((value) -> hops.addAll(List.of(value.split(","))));
		for (int i = hops.size() - 1; i >= 0 && isTrusted(candidate); i--) {
			InetAddress hop = literal(stripPort(hops.get(i).trim()));
			if (hop == null) {
				// A trusted proxy passed on something that is not an address: stop at
				// that proxy.
				break;
			}
			candidate = hop;
		}
		return candidate.getHostAddress();
	}

	private boolean isTrusted(InetAddress address) {
		return this.trustedProxies.stream().anyMatch((network) -> network.contains(address));
	}

	private static String stripPort(String value) {
		if (value.startsWith("[") && value.contains("]")) {
			return value.substring(1, value.indexOf(']'));
		}
		int colon = value.indexOf(':');
		return (colon > 0 && colon == value.lastIndexOf(':')) ? value.substring(0, colon) : value;
	}

	/** Parses only IP literals, so that a forged header can never cause a DNS lookup. */
	static @Nullable InetAddress literal(String value) {
		if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** An address block in CIDR notation. */
	private record Network(byte[] address, int prefix) {

		static Network parse(String cidr) {
			String[] parts = cidr.trim().split("/", 2);
			InetAddress address = literal(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
			}
			int bits = address.getAddress().length * 8;
			try {
				int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bits;
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException("prefix out of range in " + cidr);
				}
				return new Network(address.getAddress(), prefix);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("not a CIDR block: " + cidr, ex);
			}
		}

		boolean contains(InetAddress candidate) {
			byte[] other = candidate.getAddress();
			if (other.length != this.address.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((other[bit / 8] & mask) != (this.address[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
