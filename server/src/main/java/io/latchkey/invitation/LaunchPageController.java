package io.latchkey.invitation;

import io.latchkey.shared.LatchkeyProperties;
import io.latchkey.shared.QrCodes;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /launch}: where links point when the client has no app link of its own. It
 * says what to do next and shows the link as a QR code to scan with the phone. It never
 * looks the secret up, so link scanners and previews consume nothing and learn nothing.
 */
@Controller
class LaunchPageController {

	private final String launchUrl;

	LaunchPageController(LatchkeyProperties properties) {
		String issuer = properties.issuer().toString();
		this.launchUrl = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/launch";
	}

	@GetMapping("/launch")
	String launch(@RequestParam(required = false) @Nullable String link, Model model, HttpServletResponse response) {
		// The page carries the secret: no caching, and no Referer to wherever the
		// person goes next.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (link != null && InvitationLinks.isLinkParameter(link)) {
			String full = this.launchUrl + "?link=" + link;
			model.addAttribute("link", full);
			model.addAttribute("code", link);
			model.addAttribute("qr", QrCodes.svgDataUri(full));
		}
		return "launch";
	}

}
