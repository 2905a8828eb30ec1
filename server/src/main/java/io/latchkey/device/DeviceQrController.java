package io.latchkey.device;

import io.latchkey.shared.QrCodes;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An SVG QR code of {@code verification_uri_complete} for a device that can show an image
 * but not draw one. It checks only the code's form, never whether it exists, so it is no
 * oracle for guessing, and it encodes nothing but this server's own verification address.
 */
@RestController
class DeviceQrController {

	static final String PATH = "/device/qr";

	@GetMapping(path = PATH, produces = "image/svg+xml")
	ResponseEntity<String> qr(@RequestParam(name = "user_code", defaultValue = "") String userCode) {
		return UserCodes.normalize(userCode).map((code) -> {
			String complete = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/oauth2/device_verification")
				.queryParam("user_code", code)
				.build()
				.toUriString();
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.svg(complete));
		}).orElseGet(() -> ResponseEntity.status(HttpStatus.BAD_REQUEST).build());
	}

}
