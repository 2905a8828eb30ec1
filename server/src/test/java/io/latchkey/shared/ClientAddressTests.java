package io.latchkey.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressTests {

	@Test
	void ipv6AddressesInOneSlash64ShareALimitKey() {
		assertThat(ClientAddress.limitKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64")
			.isEqualTo(ClientAddress.limitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
			.isEqualTo(ClientAddress.limitKey("[2001:db8:1:2:abcd::7]"));
		assertThat(ClientAddress.limitKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
		assertThat(ClientAddress.limitKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
	}

	@Test
	void ipv4AddressesAndAnythingElseAreTheirOwnKey() {
		assertThat(ClientAddress.limitKey("198.51.100.4")).isEqualTo("198.51.100.4");
		assertThat(ClientAddress.limitKey("198.51.100.5")).isEqualTo("198.51.100.5");
		assertThat(ClientAddress.limitKey("unknown")).isEqualTo("unknown");
	}

	@Test
	void trustedProxiesAreWrittenAsCidrBlocks() {
		assertThat(ClientAddress.cidrBlocks(List.of("10.0.0.0/8", " 192.0.2.10", "2001:db8::/32")))
			.containsExactly("10.0.0.0/8", "192.0.2.10/32", "2001:db8:0:0:0:0:0:0/32");
	}

	@Test
	void settingsThatAreNotCidrBlocksAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.cidrBlocks(List.of("proxy.example.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.cidrBlocks(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddress.cidrBlocks(List.of("10.0.0.0/x")));
	}

}
