package io.latchkey.cli;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a QR code with Unicode half blocks, two modules per character cell, light on dark
 * as most terminals are; a phone camera reads it from the screen.
 */
final class TerminalQr {

	private static final int QUIET_ZONE = 2;

	private TerminalQr() {
	}

	static String render(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 0));
		}
		catch (WriterException ex) {
			return "";
		}
		int size = matrix.getWidth();
		StringBuilder out = new StringBuilder();
		for (int y = -QUIET_ZONE; y < size + QUIET_ZONE; y += 2) {
			for (int x = -QUIET_ZONE; x < size + QUIET_ZONE; x++) {
				boolean top = light(matrix, x, y);
				boolean bottom = light(matrix, x, y + 1);
				out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
			}
			out.append('\n');
		}
		return out.toString();
	}

	/**
	 * A dark module is drawn as the terminal's background; light ones, quiet zone
	 * included, as blocks.
	 */
	private static boolean light(BitMatrix matrix, int x, int y) {
		boolean inside = x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight();
		return !inside || !matrix.get(x, y);
	}

}
