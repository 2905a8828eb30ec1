package io.latchkey.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.latchkey.audit.SignInHistory;
import io.latchkey.authorization.ConnectedApps;
import io.latchkey.identity.SignedInPerson;
import io.latchkey.shared.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account}, which is also where {@code /} and a sign-in with nothing to return to
 * lead: who the person is, the apps connected to their data with a button that cuts one
 * off, their browser sessions (other ones can be ended) and their recent sign-ins.
 * Sign-in is required, so anyone else is sent to the login page.
 */
@Controller
class AccountPageController {

	private static final int SIGN_INS = 10;

	private final ConnectedApps apps;

	private final SignInHistory signIns;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountPageController(ConnectedApps apps, SignInHistory signIns,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.apps = apps;
		this.signIns = signIns;
		this.sessions = sessions;
	}

	@GetMapping({ "/", "/account" })
	String account(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		SignedInPerson person = SignedInPerson.of(authentication);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("username", person.username());
		model.addAttribute("roles", person.roles());
		model.addAttribute("apps", this.apps.of(person.subject()));
		model.addAttribute("sessions", sessionsOf(person.subject(), request.getSession(false)));
		model.addAttribute("signIns", this.signIns.recent(person.subject(), person.username(), SIGN_INS));
		return "account";
	}

	@PostMapping("/account/apps/revoke")
	String revoke(@RequestParam("client_id") String clientId, Authentication authentication,
			RedirectAttributes redirect) {
		boolean revoked = this.apps.disconnect(SignedInPerson.of(authentication).subject(), clientId);
		redirect.addFlashAttribute("notice", revoked ? "app-revoked" : "nothing");
		return "redirect:/account";
	}

	@PostMapping("/account/sessions/end")
	String endSession(@RequestParam String session, Authentication authentication, HttpServletRequest request,
			RedirectAttributes redirect) {
		HttpSession current = request.getSession(false);
		this.sessions.findByPrincipalName(SignedInPerson.of(authentication).subject())
			.keySet()
			.stream()
			.filter((id) -> reference(id).equals(session))
			.filter((id) -> current == null || !id.equals(current.getId()))
			.findFirst()
			.ifPresent(this.sessions::deleteById);
		redirect.addFlashAttribute("notice", "session-ended");
		return "redirect:/account";
	}

	private List<BrowserSession> sessionsOf(String subject, @Nullable HttpSession current) {
		return this.sessions.findByPrincipalName(subject)
			.values()
			.stream()
			.map((session) -> new BrowserSession(reference(session.getId()), session.getCreationTime(),
					session.getLastAccessedTime(), current != null && session.getId().equals(current.getId())))
			.sorted(Comparator.comparing(BrowserSession::lastUsedAt).reversed())
			.toList();
	}

	/**
	 * How the page names a session: a session id is a credential, so only a hash of it
	 * reaches the page.
	 */
	private static String reference(String sessionId) {
		return Secrets.sha256Hex(sessionId).substring(0, 16);
	}

	/**
	 * One browser session of the person.
	 */
	record BrowserSession(String reference, Instant startedAt, Instant lastUsedAt, boolean current) {

	}

}
