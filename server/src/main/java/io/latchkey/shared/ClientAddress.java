package io.latchkey.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Client addresses as Latchkey counts them. Which address a request comes from is decided
 * once, by the servlet container, which believes {@code X-Forwarded-For} only from the
 * proxies in {@code latchkey.web.trusted-proxies}; everything else reads
 * {@code getRemoteAddr()}. This class validates that setting and turns an address into
 * the key that rate limits count it under.
 */
public final class ClientAddress {

	/**
	 * One subscriber usually holds a whole IPv6 /64 (RFC 6177), so an address inside it
	 * costs nothing to change.
	 */
	static final int IPV6_LIMIT_PREFIX = 64;

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*]?");

	private ClientAddress() {
	}

	/**
	 * The key under which rate limits count an address: an IPv4 address itself, an IPv6
	 * address by its /64 network, anything unparseable as it is.
	 */
	public static String limitKey(String address) {
		InetAddress parsed = literal(address);
		if (!(parsed instanceof Inet6Address)) {
			return (parsed != null) ? parsed.getHostAddress() : address;
		}
		byte[] bytes = parsed.getAddress();
		StringBuilder network = new StringBuilder();
		for (int i = 0; i < IPV6_LIMIT_PREFIX / 8; i += 2) {
			network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
		}
		return network.append(":/").append(IPV6_LIMIT_PREFIX).toString();
	}

	/**
	 * The trusted proxies, each written as a CIDR block ({@code 192.0.2.10} becomes
	 * {@code 192.0.2.10/32}).
	 * @throws IllegalArgumentException when an entry is not an IP address or CIDR block
	 */
	public static List<String> cidrBlocks(List<String> trustedProxies) {
		return trustedProxies.stream().map(ClientAddress::cidrBlock).toList();
	}

	private static String cidrBlock(String entry) {
		String[] parts = entry.trim().split("/", 2);
		InetAddress address = literal(parts[0]);
		if (address == null) {
			throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
		}
		int bits = address.getAddress().length * 8;
		try {
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bits;
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("prefix out of range in " + entry);
			}
			return address.getHostAddress() + "/" + prefix;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a CIDR block: " + entry, ex);
		}
	}

	/** Parses only IP literals, so that a forged value can never cause a DNS lookup. */
	private static @Nullable InetAddress literal(String value) {
		if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(value.startsWith("[") ? value.substring(1, value.length() - 1) : value);
		}
		catch (UnknownHostException | StringIndexOutOfBoundsException ex) {
			return null;
		}
	}

}
