package io.latchkey.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressTests {

	private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.10", "2001:db8::/32"));

	@Test
	void withoutTrustedProxiesTheHeaderIsIgnored() {
		ClientAddress direct = new ClientAddress(List.of());

		assertThat(direct.resolve("198.51.100.4", List.of("203.0.113.7"))).isEqualTo("198.51.100.4");
	}

	@Test
	void headerFromAnUntrustedPeerIsIgnored() {
		assertThat(this.behindProxies.resolve("198.51.100.4", List.of("203.0.113.7"))).isEqualTo("198.51.100.4");
	}

	@Test
	void trustedPeerYieldsTheRightMostUntrustedAddress() {
		assertThat(this.behindProxies.resolve("10.1.2.3", List.of("1.1.1.1, 203.0.113.7, 192.0.2.10")))
			.isEqualTo("203.0.113.7");
		assertThat(this.behindProxies.resolve("10.1.2.3", List.of("1.1.1.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
	}

	@Test
	void onlyTrustedHopsYieldTheLeftMostOne() {
		assertThat(this.behindProxies.resolve("10.1.2.3", List.of("10.9.9.9, 192.0.2.10"))).isEqualTo("10.9.9.9");
		assertThat(this.behindProxies.resolve("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
	}

	@Test
	void garbageStopsAtTheLastTrustedProxy() {
		assertThat(this.behindProxies.resolve("10.1.2.3", List.of("203.0.113.7, evil.example.com")))
			.isEqualTo("10.1.2.3");
		assertThat(this.behindProxies.resolve("10.1.2.3", List.of("unknown"))).isEqualTo("10.1.2.3");
	}

	@Test
	void portsAndIpv6AreUnderstood() {
		assertThat(this.behindProxies.resolve("2001:db8::1", List.of("[2001:db9::5]:443")))
			.isEqualTo("2001:db9:0:0:0:0:0:5");
		assertThat(this.behindProxies.resolve("10.1.2.3", List.of("203.0.113.7:51000"))).isEqualTo("203.0.113.7");
	}

	@Test
	void settingsThatAreNotCidrBlocksAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress(List.of("proxy.example.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress(List.of("10.0.0.0/x")));
	}

}
