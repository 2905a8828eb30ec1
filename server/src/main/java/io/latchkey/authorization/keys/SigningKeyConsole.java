package io.latchkey.authorization.keys;

import java.util.List;

import io.latchkey.authorization.keys.SigningKeyController.KeyView;
import io.latchkey.authorization.keys.SigningKeyController.UnknownAlgorithmException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's signing keys (admins only): their public facts, and rotation of one
 * algorithm's key now.
 */
@Controller
@RequestMapping("/console/keys")
class SigningKeyConsole {

	private final SigningKeys keys;

	private final SigningKeyStore store;

	SigningKeyConsole(SigningKeys keys, SigningKeyStore store) {
		this.keys = keys;
		this.store = store;
	}

	@GetMapping
	String list(Model model) {
		List<KeyView> all = this.store.findAll().stream().map(KeyView::of).toList();
		model.addAttribute("keys", all);
		model.addAttribute("algorithms", List.of(SigningAlgorithm.values()).stream().map(Enum::name).toList());
		return "console/keys";
	}

	@PostMapping("/rotate")
	String rotate(@RequestParam String alg, RedirectAttributes redirect) {
		SigningAlgorithm algorithm = SigningAlgorithm.find(alg).orElseThrow(UnknownAlgorithmException::new);
		redirect.addFlashAttribute("rotated", this.keys.rotate(algorithm));
		redirect.addFlashAttribute("notice", "rotated");
		return "redirect:/console/keys";
	}

}
