package io.latchkey.test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.latchkey.test.TestHttp.Response;

/**
 * A person at a browser with its own cookies: signs in when the server asks, enters or
 * opens a user code, and approves or denies on the confirmation page.
 */
public final class PersonAtBrowser {

	private final TestHttp browser;

	private final String username;

	private final String password;

	public PersonAtBrowser(TestHttp http, String username, String password) {
		this.browser = http.withCookies();
		this.username = username;
		this.password = password;
	}

	public String username() {
		return this.username;
	}

	/**
	 * Opens a page, signing in when sent to the login page, and follows redirects to the
	 * end. A link with a user code is opened again after signing in, as a person does:
	 * the code is not remembered across the sign-in.
	 */
	public Response open(String url) {
		Response response = this.browser.get(url);
		boolean signInFirst = isRedirectToLogin(response);
		response = follow(response);
		return (signInFirst && url.contains("user_code=")) ? follow(this.browser.get(url)) : response;
	}

	/** Requests a page without following where it leads. */
	public Response request(String url) {
		return this.browser.get(url);
	}

	private static boolean isRedirectToLogin(Response response) {
		return (response.status() == 302 || response.status() == 303)
				&& "/login".equals(URI.create(response.header("Location")).getPath());
	}

	/** Types a code into the entry form of the verification page and submits it. */
	public Response enter(String typedCode) {
		Response entry = open("/oauth2/device_verification");
		Map<String, List<String>> form = HtmlForms.inputs(entry.body(), "verify");
		form.put("user_code", List.of(typedCode));
		return follow(post("/oauth2/device_verification", form));
	}

	/** Presses a button (its form's id) on the confirmation page. */
	public Response press(Response confirmation, String formId) {
		if (confirmation.status() != 200 || !confirmation.body().contains("id=\"approve\"")) {
			throw new IllegalStateException("not the confirmation page: " + confirmation);
		}
		return follow(post("/oauth2/device_verification", HtmlForms.inputs(confirmation.body(), formId)));
	}

	public Response approve(Response confirmation) {
		return press(confirmation, "consent");
	}

	public Response deny(Response confirmation) {
		return press(confirmation, "deny-form");
	}

	/** Follows redirects to the end, signing in when sent to the login page. */
	public Response follow(Response response) {
		for (int hops = 0; hops < 8; hops++) {
			if (response.status() != 302 && response.status() != 303) {
				return response;
			}
			String location = response.header("Location");
			if ("/login".equals(URI.create(location).getPath())) {
				response = signIn(location);
			}
			else {
				response = this.browser.get(location);
			}
		}
		throw new IllegalStateException("too many redirects");
	}

	private Response signIn(String loginUrl) {
		Response page = this.browser.get(loginUrl);
		Map<String, List<String>> form = HtmlForms.inputs(page.body(), "none");
		form.put("username", List.of(this.username));
		form.put("password", List.of(this.password));
		return post("/login", form);
	}

	private Response post(String path, Map<String, List<String>> form) {
		return this.browser.post(path, "application/x-www-form-urlencoded", HtmlForms.encode(form));
	}

}
