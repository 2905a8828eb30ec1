package io.latchkey.authorization.keys;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.shared.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for signing keys: list them (public facts only) and rotate them now.
 */
@RestController
@RequestMapping("/api/admin/keys")
class SigningKeyController {

	private final SigningKeys keys;

	private final SigningKeyStore store;

	SigningKeyController(SigningKeys keys, SigningKeyStore store) {
		this.keys = keys;
		this.store = store;
	}

	@GetMapping
	List<KeyView> list() {
		return this.store.findAll().stream().map(KeyView::of).toList();
	}

	@PostMapping("/rotate")
	Map<String, String> rotate(@RequestParam(name = "alg", required = false) @Nullable String alg) {
		List<SigningAlgorithm> algorithms = (alg != null)
				? List.of(SigningAlgorithm.find(alg).orElseThrow(UnknownAlgorithmException::new))
				: List.of(SigningAlgorithm.values());
		Map<String, String> kids = new LinkedHashMap<>();
		for (SigningAlgorithm algorithm : algorithms) {
			kids.put(algorithm.name(), this.keys.rotate(algorithm));
		}
		return kids;
	}

	/** A key as the admin API shows it: no key material at all. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record KeyView(String kid, String algorithm, String state, @JsonProperty("created_at") Instant createdAt,
			@JsonProperty("activated_at") @Nullable Instant activatedAt,
			@JsonProperty("retired_at") @Nullable Instant retiredAt) {

		static KeyView of(StoredSigningKey key) {
			return new KeyView(key.kid(), key.algorithm().name(), key.state().name(), key.createdAt(),
					key.activatedAt(), key.retiredAt());
		}

	}

	/** The requested algorithm is not one Latchkey signs with. */
	static class UnknownAlgorithmException extends ProblemException {

		UnknownAlgorithmException() {
			super(HttpStatus.BAD_REQUEST, "invalid-request",
					"alg must be one of " + Arrays.toString(SigningAlgorithm.values()), false);
		}

	}

}
