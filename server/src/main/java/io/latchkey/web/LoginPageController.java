package io.latchkey.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page; Spring Security handles the form post.
 */
@Controller
class LoginPageController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/**
	 * Where {@link SignInFailureHandler} forwards a sign-in over its budget; the status
	 * is already 429.
	 */
	@RequestMapping("/login/throttled")
	String throttled(HttpServletRequest request, Model model) {
		Object retryAfter = request.getAttribute(SignInFailureHandler.THROTTLED_ATTRIBUTE);
		long minutes = (retryAfter instanceof Duration wait) ? Math.max(1, (wait.toSeconds() + 59) / 60) : 15;
		model.addAttribute("throttledMinutes", minutes);
		return "login";
	}

	/**
	 * Where a sign-in goes when the account directory cannot be asked; the status is
	 * already 503.
	 */
	@RequestMapping("/login/unavailable")
	String unavailable(Model model) {
		model.addAttribute("unavailable", true);
		return "login";
	}

}
