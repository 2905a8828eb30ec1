package io.latchkey.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The SVG a scanner reads back as the text it was given, with nothing active in it.
 */
class QrCodesTests {

	private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	@Test
	void aScannerReadsTheTextBack() throws Exception {
		String text = "https://latchkey.example/oauth2/device_verification?user_code=BCDF-GHJK";

		String svg = QrCodes.svg(text);

		assertThat(svg).startsWith("<svg").doesNotContain("<script").doesNotContain("href");
		assertThat(scan(svg)).isEqualTo(text);
	}

	@Test
	void theDataUriCarriesTheSameSvg() {
		String uri = QrCodes.svgDataUri("https://latchkey.example/launch?link=abc");

		assertThat(uri).startsWith("data:image/svg+xml;base64,");
		assertThat(new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8))
			.isEqualTo(QrCodes.svg("https://latchkey.example/launch?link=abc"));
	}

	@Test
	void textTooLongForAQrCodeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.svg("x".repeat(8000)));
	}

	private static String scan(String svg) throws Exception {
		Matcher size = SIZE.matcher(svg);
		assertThat(size.find()).isTrue();
		int modules = Integer.parseInt(size.group(1));
		int scale = 4;
		int width = modules * scale;
		int[] pixels = new int[width * width];
		Arrays.fill(pixels, 0xFFFFFF);
		Matcher module = MODULE.matcher(svg);
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * width + x * scale + dx] = 0;
				}
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
