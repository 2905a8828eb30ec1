package io.latchkey.datalink;

import java.time.Duration;
import java.util.Map;

import io.latchkey.test.Accessibility;
import io.latchkey.test.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole page flow in real Chromium on a phone-sized viewport: open the link, pass the
 * date of birth, read the result, answer the form, and find the link used up; axe-core
 * finds no serious accessibility problem on any of the pages. With
 * {@code -Dlatchkey.test.screenshots=
 *
<dir>
 * } the pages are saved as PNG files.
 */
class DataLinkBrowserTests extends DataLinkTestSupport {

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.start();
		this.browser.manage().window().setSize(new Dimension(390, 844));
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void aPersonOpensTheLinkOnAPhoneReadsTheResultAndAnswersOnce() {
		JsonNode created = create(link(DataLinkPageTests.REPORT, Map.of("type", "dob", "value", "1980-04-02"), "schema",
				DataLinkFlowTests.SCHEMA));
		String url = this.http.base() + "/l/" + idOf(created);

		this.browser.get(url);
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your secure link");
		assertFitsTheScreen();
		screenshot("data-link-factor");
		this.browser.findElement(By.id("factor")).sendKeys("2 April 1981");
		this.browser.findElement(By.id("continue")).click();
		assertThat(shown(By.id("error")).getText()).contains("That is not right");
		this.browser.findElement(By.id("factor")).sendKeys("2 April 1980");
		this.browser.findElement(By.id("continue")).click();

		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((d) -> d.getPageSource().contains("Complete blood count"));
		assertThat(this.browser.findElement(By.className("result")).getText()).contains("Hemoglobin")
			.contains("13.2 g/dL")
			.contains("12 g/dL – 16 g/dL")
			.contains("Normal");
		assertFitsTheScreen();
		screenshot("data-link-result");

		this.browser.navigate().refresh();
		assertThat(this.browser.getPageSource()).contains("Complete blood count");

		this.browser.findElement(By.id("f-contacts-0-name")).sendKeys("Ana");
		this.browser.findElement(By.id("submit-answer")).click();
		assertThat(shown(By.id("answer-errors")).getText()).contains("/contacts/0/phone");
		this.browser.findElement(By.id("f-contacts-0-phone")).sendKeys("+34 600 000 000");
		this.browser.findElement(By.id("submit-answer")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((d) -> d.getPageSource().contains("Your answer has been sent"));

		this.browser.get(url);
		assertThat(this.browser.findElement(By.id("gone")).getText())
			.isEqualTo("This link has been used or has expired");
		screenshot("data-link-used");
	}

	private void assertFitsTheScreen() {
		Object overflow = ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
		assertThat(overflow).isEqualTo(false);
	}

	private void screenshot(String name) {
		Browser.screenshot(this.browser, name);
		assertThat(Accessibility.seriousViolations(this.browser)).as(name).isEmpty();
	}

	/**
	 * The element once the page that a click asked for has it: a busy machine renders
	 * late.
	 */
	private WebElement shown(By locator) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(locator));
	}

}
