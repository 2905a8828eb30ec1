package io.latchkey.identity;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a person lands after signing in with nothing to return to: a page that says who
 * they are. Sign-in is required, so anyone else is sent to the login page.
 */
@Controller
class AccountPageController {

	@GetMapping({ "/", "/account" })
	String account(Authentication authentication, Model model) {
		SignedInPerson person = SignedInPerson.of(authentication);
		model.addAttribute("username", person.username());
		model.addAttribute("roles", person.roles());
		return "account";
	}

}
