package io.latchkey.datalink;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.abuse.RateLimitExceededException;
import io.latchkey.datalink.Visitors.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a link opens, without scripts: {@code GET /l/{id}} asks for the factor (and
 * records a visit, consuming nothing; {@code HEAD} records nothing), then shows the
 * payload and the answer form while the browser holds a lease; the answer or "I have
 * finished" uses the link up.
 */
@Controller
@RequestMapping("/l/{id}")
class DataLinkPages {

	private static final String PAGE = "data-link";

	private final DataLinkAccess access;

	private final OneTimeCodes codes;

	private final Visitors visitors;

	private final JsonMapper json;

	private final Clock clock;

	DataLinkPages(DataLinkAccess access, OneTimeCodes codes, Visitors visitors, JsonMapper json, Clock clock) {
		this.access = access;
		this.codes = codes;
		this.visitors = visitors;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping
	String open(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Page page = new Page(id, request, response, model);
		boolean head = "HEAD".equals(request.getMethod());
		DataLink link = head ? this.access.find(id) : this.access.visit(id, this.visitors.of(request));
		if (link == null) {
			return page.show(HttpStatus.NOT_FOUND, "unknown");
		}
		if (link.isGone(this.clock.instant()) || head) {
			return head ? page.show(HttpStatus.OK, "factor") : gone(page);
		}
		if (request.getCookies() != null && LeaseTokens.COOKIE.read(request) != null) {
			try {
				return content(id, link, page, Map.of(), List.of(), HttpStatus.OK);
			}
			catch (LeaseRejectedException ex) {
				model.addAttribute("notice", "session.expired");
			}
			catch (DataLinkGoneException ex) {
				return gone(page);
			}
		}
		return factor(link, page, HttpStatus.OK);
	}

	@PostMapping
	String passFactor(@PathVariable String id, @RequestParam(required = false) @Nullable String factor,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Page page = new Page(id, request, response, model);
		try {
			LeaseTokens.Lease lease = this.access.lease(id, factor, this.visitors.of(request));
			response.addHeader(HttpHeaders.SET_COOKIE, LeaseTokens.COOKIE.set(lease.cookie()));
			response.addHeader(HttpHeaders.SET_COOKIE, LeaseTokens.pageCookie(lease));
			return "redirect:/l/" + id;
		}
		catch (FactorRejectedException ex) {
			return refused(id, page, "factor.rejected", HttpStatus.FORBIDDEN);
		}
		catch (RateLimitExceededException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfter().toSeconds()));
			return refused(id, page, "throttled", HttpStatus.TOO_MANY_REQUESTS);
		}
		catch (DataLinkGoneException ex) {
			return gone(page);
		}
	}

	@PostMapping("/code")
	String sendCode(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Page page = new Page(id, request, response, model);
		try {
			this.codes.send(id, this.visitors.of(request));
			model.addAttribute("notice", "code.sent");
			return refused(id, page, null, HttpStatus.OK);
		}
		catch (RateLimitExceededException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfter().toSeconds()));
			return refused(id, page, "throttled", HttpStatus.TOO_MANY_REQUESTS);
		}
		catch (DataLinkGoneException ex) {
			return gone(page);
		}
		catch (InvalidDataLinkRequestException ex) {
			return refused(id, page, null, HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/answer")
	String answer(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Page page = new Page(id, request, response, model);
		DataLink link = this.access.find(id);
		if (link == null) {
			return page.show(HttpStatus.NOT_FOUND, "unknown");
		}
		Map<String, String> values = new LinkedHashMap<>();
		form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
		Visitor visitor = this.visitors.of(request);
		try {
			this.access.submit(id, request, true, AnswerForm.answer(this.access.schema(link), values), visitor);
			clearLease(response);
			model.addAttribute("thanks", "thanks.answer");
			return page.show(HttpStatus.OK, "thanks");
		}
		catch (InvalidAnswerException ex) {
			return content(id, link, page, values, ex.errors(), HttpStatus.BAD_REQUEST);
		}
		catch (LeaseRejectedException ex) {
			model.addAttribute("notice", "session.expired");
			return factor(link, page, HttpStatus.UNAUTHORIZED);
		}
		catch (DataLinkGoneException | SubmissionNotAllowedException ex) {
			return gone(page);
		}
	}

	@PostMapping("/done")
	String done(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Page page = new Page(id, request, response, model);
		DataLink link = this.access.find(id);
		if (link == null) {
			return page.show(HttpStatus.NOT_FOUND, "unknown");
		}
		try {
			this.access.use(id, request, true, this.visitors.of(request));
			clearLease(response);
			model.addAttribute("thanks", "thanks.done");
			return page.show(HttpStatus.OK, "thanks");
		}
		catch (LeaseRejectedException ex) {
			model.addAttribute("notice", "session.expired");
			return factor(link, page, HttpStatus.UNAUTHORIZED);
		}
		catch (DataLinkGoneException ex) {
			return gone(page);
		}
	}

	private String content(String id, DataLink link, Page page, Map<String, String> values,
			List<InvalidAnswerException.FieldError> errors, HttpStatus status) {
		JsonNode payload = this.json
			.readTree(this.access.payload(id, page.request(), true, this.visitors.of(page.request())));
		page.model().addAttribute("view", PayloadView.of(payload));
		if (link.allowsSubmission()) {
			page.model().addAttribute("form", AnswerForm.of(this.access.schema(link)));
			page.model().addAttribute("values", values);
			page.model().addAttribute("errors", errors);
			page.model()
				.addAttribute("invalid",
						errors.stream()
							.map((error) -> error.field().replaceFirst("^/", "").replace('/', '.'))
							.toList());
		}
		return page.show(status, "content");
	}

	private String refused(String id, Page page, @Nullable String error, HttpStatus status) {
		DataLink link = this.access.find(id);
		if (link == null) {
			page.model().addAttribute("error", error);
			page.model().addAttribute("factor", "pin");
			return page.show(status, "factor");
		}
		page.model().addAttribute("error", error);
		return factor(link, page, status);
	}

	private static String factor(DataLink link, Page page, HttpStatus status) {
		page.model().addAttribute("factor", link.factorType().value());
		return page.show(status, "factor");
	}

	private static String gone(Page page) {
		clearLease(page.response());
		return page.show(HttpStatus.GONE, "gone");
	}

	private static void clearLease(HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, LeaseTokens.COOKIE.clear());
		response.addHeader(HttpHeaders.SET_COOKIE, LeaseTokens.clearPageCookie());
	}

	/**
	 * One page being answered: its language, status and state.
	 */
	private record Page(String id, HttpServletRequest request, HttpServletResponse response, Model model) {

		String show(HttpStatus status, String state) {
			String language = PageTexts.language(this.request);
			this.response.setStatus(status.value());
			this.response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			this.response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language);
			this.model.addAttribute("lang", language);
			this.model.addAttribute("t", PageTexts.of(language));
			this.model.addAttribute("state", state);
			this.model.addAttribute("linkPath", "/l/" + this.id);
			// The switcher reopens the link, whichever form this page answered.
			this.model.addAttribute("languageBase", "/l/" + this.id);
			return PAGE;
		}

	}

}
