package io.latchkey.client;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InvitationLinkTests {

	@Test
	void readsTheWholeLinkAsReceived() {
		InvitationLink link = InvitationLink
			.parse("https://launch.example.com/app?utm=sms&link=auth.example.org~Xy7abcdefghijklmnopqrstu");

		assertThat(link.host()).isEqualTo("auth.example.org");
		assertThat(link.secret()).isEqualTo("Xy7abcdefghijklmnopqrstu");
		assertThat(link.issuer()).isEqualTo(URI.create("https://auth.example.org"));
	}

	@Test
	void readsTheLinkValueAloneAndSpeaksPlainHttpOnlyToLoopback() {
		assertThat(InvitationLink.parse("localhost:9000~Xy7abcdefghijklmnopqrstu").issuer())
			.isEqualTo(URI.create("http://localhost:9000"));
		assertThat(InvitationLink.parse("auth.example.org:8443~Xy7abcdefghijklmnopqrstu").issuer())
			.isEqualTo(URI.create("https://auth.example.org:8443"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "no-tilde", "host~short", "https://launch.example.com/?other=x",
			"host~secret with spaces and more", "ho/st~Xy7abcdefghijklmnopqrstu" })
	void refusesWhatIsNotALink(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> InvitationLink.parse(text));
	}

	@Test
	void neverShowsTheSecret() {
		assertThat(InvitationLink.parse("auth.example.org~Xy7abcdefghijklmnopqrstu").toString()).doesNotContain("Xy7");
	}

}
