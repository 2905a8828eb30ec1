package io.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (the system's {@code chromium} and {@code chromedriver}) for
 * tests of pages.
 */
public final class Browser {

	private Browser() {
	}

	/**
	 * Saves what the browser shows as {@code name.png} in the folder named by
	 * {@code -Dlatchkey.test.screenshots}; without it, nothing.
	 */
	public static void screenshot(WebDriver browser, String name) {
		String directory = System.getProperty("latchkey.test.screenshots");
		if (directory == null) {
			return;
		}
		try {
			Files.createDirectories(Path.of(directory));
			Files.write(Path.of(directory, name + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ChromeDriver start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("latchkey-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("latchkey.test.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(
					Path.of(System.getProperty("latchkey.test.chromedriver", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
