package io.latchkey.datalink;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of a data link over plain HTTP: the factor page in English and Spanish,
 * harmless visits, FHIR results rendered readably, other JSON as a definition list, the
 * answer form generated from a {@code Questionnaire}, and the used page.
 */
class DataLinkPageTests extends DataLinkTestSupport {

	static final Map<String, Object> REPORT = Map
		.of("resourceType", "DiagnosticReport", "status", "final", "code", Map.of("text", "Complete blood count"),
				"effectiveDateTime", "2026-11-20", "conclusion", "Within normal limits", "contained",
				List.of(Map.of("resourceType", "Observation", "id", "hb", "status", "final", "code", Map.of("coding",
						List.of(Map.of("system", "http://loinc.org", "code", "718-7", "display", "Hemoglobin"))),
						"valueQuantity", Map.of("value", 13.2, "unit", "g/dL"), "referenceRange",
						List.of(Map.of("low", Map.of("value", 12, "unit", "g/dL"), "high",
								Map.of("value", 16, "unit", "g/dL"))),
						"interpretation",
						List.of(Map.of("coding", List.of(Map.of("code", "N", "display", "Normal")))))),
				"result", List.of(Map.of("reference", "#hb")));

	static final Map<String, Object> QUESTIONNAIRE = Map.of("resourceType", "Questionnaire", "status", "active", "item",
			List.of(Map.of("linkId", "fever", "text", "Did you have a fever?", "type", "boolean"),
					Map.of("linkId", "contacts", "text", "How many people did you meet?", "type", "integer", "required",
							true),
					Map.of("linkId", "where", "text", "Where?", "type", "choice", "answerOption",
							List.of(Map.of("valueCoding", Map.of("code", "home", "display", "At home")),
									Map.of("valueCoding", Map.of("code", "work", "display", "At work"))))));

	@Test
	void theFactorPageSpeaksSpanishAndAVisitOrAHeadConsumesNothing() {
		JsonNode created = create(link(REPORT, Map.of("type", "dob", "value", "1980-04-02")));
		String id = idOf(created);

		Response english = this.http.get("/l/" + id);
		assertThat(english.status()).isEqualTo(200);
		assertThat(english.header("Cache-Control")).contains("no-store");
		assertThat(english.body()).contains("<html lang=\"en\"").contains("Your date of birth");
		Response spanish = this.http.get("/l/" + id, "Accept-Language", "es-ES,es;q=0.9,en;q=0.5");
		assertThat(spanish.body()).contains("<html lang=\"es\"").contains("Su fecha de nacimiento");
		Response head = this.http
			.send(this.http.request("/l/" + id).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
		assertThat(head.status()).isEqualTo(200);
		assertThat(this.http.get("/l/" + id, "User-Agent", "facebookexternalhit/1.1").status()).isEqualTo(200);

		JsonNode visits = this.http
			.get("/api/admin/data-links/" + created.get("id").asString() + "/visits", "Authorization",
					TestHttp.bearer(adminToken()))
			.json()
			.get("items");
		assertThat(visits).hasSize(3);
		assertThat(visits.get(2).get("user_agent").asString()).isEqualTo("facebookexternalhit/1.1");
		assertThat(this.http.get("/l/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
	}

	@Test
	void aWrongFactorOnThePageIsRefusedAndTheRightOneShowsTheReport() {
		String id = idOf(create(link(REPORT, Map.of("type", "dob", "value", "1980-04-02"))));

		Response wrong = this.http.postForm("/l/" + id, Map.of("factor", "1 January 1990"));
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.body()).contains("role=\"alert\"").contains("That is not right");

		Response passed = this.http.postForm("/l/" + id, Map.of("factor", "02/04/1980"));
		assertThat(passed.status()).isEqualTo(302);
		String cookies = cookies(passed);
		Response page = this.http.get("/l/" + id, "Cookie", cookies);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Complete blood count")
			.contains("Hemoglobin")
			.contains("13.2 g/dL")
			.contains("12 g/dL – 16 g/dL")
			.contains("Normal")
			.contains("2026-11-20")
			.contains("Within normal limits");

		Response done = this.http.postForm("/l/" + id + "/done", Map.of(), "Cookie", cookies);
		assertThat(done.status()).isEqualTo(200);
		Response gone = this.http.get("/l/" + id, "Cookie", cookies, "Accept-Language", "es");
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.body()).contains("Este enlace ya se usó o ha caducado");
	}

	@Test
	void otherJsonIsADefinitionListAndTheQuestionnaireBecomesTheAnswerForm() {
		JsonNode created = create(link(Map.of("clinic", "North", "visit", Map.of("room", "4B", "floor", 2)),
				Map.of("type", "pin"), "schema", QUESTIONNAIRE));
		String id = idOf(created);
		String cookies = cookies(this.http.postForm("/l/" + id, Map.of("factor", created.get("pin").asString())));

		Response page = this.http.get("/l/" + id, "Cookie", cookies);
		assertThat(page.body()).contains("<dt>clinic</dt>")
			.contains("<dd>North</dd>")
			.contains("<dt>room</dt>")
			.contains("<dd>4B</dd>")
			.contains("name=\"fever\"")
			.contains("type=\"checkbox\"")
			.contains("name=\"contacts\"")
			.contains("type=\"number\"")
			.contains("<option value=\"work\">At work</option>");

		Response invalid = this.http.postForm("/l/" + id + "/answer", Map.of("where", "home"), "Cookie", cookies);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("contacts: is required").contains("selected");

		Response sent = this.http.postForm("/l/" + id + "/answer",
				Map.of("fever", "true", "contacts", "3", "where", "work"), "Cookie", cookies);
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.body()).contains("Your answer has been sent");
		JsonNode answer = this.http
			.get("/api/admin/data-links/" + created.get("id").asString() + "/submission", "Authorization",
					TestHttp.bearer(adminToken()))
			.json();
		assertThat(answer.get("resourceType").asString()).isEqualTo("QuestionnaireResponse");
		assertThat(answer.toString()).contains("\"valueBoolean\":true")
			.contains("\"valueInteger\":3")
			.contains("\"code\":\"work\"");
		assertThat(this.http.postForm("/l/" + id + "/answer", Map.of("contacts", "1"), "Cookie", cookies).status())
			.isEqualTo(410);
	}

	@Test
	void withoutItsCookiesThePageAsksForTheFactorAgain() {
		JsonNode created = create(link(Map.of("a", "b"), Map.of("type", "pin"), "allows_submission", true));
		String id = idOf(created);
		this.http.postForm("/l/" + id, Map.of("factor", created.get("pin").asString()));

		Response answer = this.http.postForm("/l/" + id + "/answer", Map.of("answer", "hello"));
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).contains("name=\"factor\"");
	}

	/** The lease's two cookies, as a browser would send them back. */
	static String cookies(Response response) {
		List<String> set = response.raw().headers().allValues("Set-Cookie");
		assertThat(set).hasSize(2);
		return String.join("; ", set.stream().map((cookie) -> cookie.substring(0, cookie.indexOf(';'))).toList());
	}

}
