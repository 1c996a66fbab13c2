package org.alongside.outcomes;

import static io.restassured.RestAssured.given;
import static org.alongside.outcomes.OutcomesTestSupport.as;
import static org.alongside.outcomes.OutcomesTestSupport.at;
import static org.alongside.outcomes.OutcomesTestSupport.awaitConsumerCaughtUp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * deploy/local/lib/browser.sh), from a year of events published here, with disclosure control on as deployed.
 * Leaves a screenshot in docs/dashboard.png.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_outcomes_dash_test"))
class DashboardPageTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String YEAR = "from=2019-04-01&to=2020-03-31";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCommissionerSignsInAndSeesTheYearInFiguresAndCharts() throws Exception {
        try (SyntheticCohort cohort = new SyntheticCohort()) {
            cohort.publishYear(2019, 400, at("2019-04-01T00:00:00Z"));
        }
        awaitConsumerCaughtUp();
        Map<String, Object> summary = as("commissioner").queryParam("from", "2019-04-01")
                .queryParam("to", "2020-03-31").get("/dashboard/summary").then().statusCode(200)
                .extract().as(Map.class);

        Path profile = Files.createTempDirectory("alongside-chromium-");
        WebDriver browser = chromium(profile);
        try {
            // a browser without a token is sent to the sign-in form, keeping the period it asked for
            browser.get(base + "dashboard?" + YEAR);
            assertTrue(browser.getCurrentUrl().contains("/dashboard/sign-in?" + YEAR), browser.getCurrentUrl());
            browser.findElement(By.id("access_token")).sendKeys(Tokens.as("commissioner"));
            browser.findElement(By.id("sign-in")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(b -> !b.findElements(By.id("headline-referralsReceived")).isEmpty());
            assertTrue(browser.getCurrentUrl().contains(YEAR), browser.getCurrentUrl());

            assertEquals(summary.get("referralsReceived").toString(),
                    browser.findElement(By.id("headline-referralsReceived")).getText());
            assertEquals(summary.get("sessionsAttended").toString(),
                    browser.findElement(By.id("headline-sessionsAttended")).getText());
            assertEquals(((Map<?, ?>) summary.get("referrals")).get("acceptanceRate") + "%",
                    browser.findElement(By.id("headline-acceptanceRate")).getText());
            assertTrue(browser.findElement(By.id("disclosure-note")).getText().contains("shown as *"));

            for (String chart : List.of("chart-referrals-by-month", "chart-referrer-type", "chart-condition-group",
                    "chart-imd-decile", "chart-waiting-times", "chart-attendance", "chart-media", "chart-settings",
                    "chart-ethnicity",
                    "chart-outcome-swemwbs-condition-group", "chart-outcome-swemwbs-imd-decile")) {
                WebElement svg = browser.findElement(By.id(chart));
                assertEquals("svg", svg.getTagName(), chart);
                assertFalse(svg.findElements(By.cssSelector("rect.bar")).isEmpty(), chart + " draws bars");
                assertTrue(svg.getSize().getWidth() > 200, chart + " is laid out");
            }
            assertEquals(12, browser.findElement(By.id("chart-referrals-by-month"))
                    .findElements(By.cssSelector("rect.bar")).size(), "a bar for each month of the year");
            assertTrue(browser.findElements(By.tagName("svg")).size() >= 15);
            assertTrue(browser.findElement(By.id("csv-download")).getAttribute("href")
                    .contains("/dashboard/summary.csv?access_token="));

            screenshot(browser, Path.of("..", "docs", "dashboard.png"));

            // the period form carries the token on, and breaks the year down
            new Select(browser.findElement(By.name("groupBy"))).selectByValue("conditionGroup");
            browser.findElement(By.cssSelector("form.filters button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(b -> !b.findElements(By.id("breakdown-table")).isEmpty());
            assertTrue(browser.getCurrentUrl().contains("groupBy=conditionGroup"), browser.getCurrentUrl());
            assertEquals("Diabetes", browser.findElement(By.cssSelector("#breakdown-table tbody th")).getText());
        } finally {
            browser.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void thePageIsStrictAboutWhatItLoadsAndWhoSeesIt() {
        as("commissioner").accept("text/html").get("/dashboard?" + YEAR).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .body(containsString("href=\"/assets/dashboard.css\""))
                .body(org.hamcrest.Matchers.not(containsString("<script")))
                .body(org.hamcrest.Matchers.not(containsString("style=\"")))
                .body(org.hamcrest.Matchers.not(containsString("https://")))
                .body(org.hamcrest.Matchers.not(containsString("href=\"http")))
                .body(org.hamcrest.Matchers.not(containsString("src=")));
        given().redirects().follow(false).accept("text/html").get("/dashboard").then().statusCode(303)
                .header("Location", "/dashboard/sign-in");
        given().get("/dashboard/sign-in").then().statusCode(200).body(containsString("name=\"access_token\""));
        given().get("/dashboard").then().statusCode(401).contentType("application/problem+json");
        given().redirects().follow(false).accept("text/html").get("/dashboard?from=2020-01-01&groupBy=gender")
                .then().statusCode(303).header("Location", "/dashboard/sign-in?from=2020-01-01&groupBy=gender");
        given().queryParam("from", "2020-01-01").queryParam("groupBy", "<b>").get("/dashboard/sign-in")
                .then().statusCode(200)
                .body(containsString("name=\"from\" value=\"2020-01-01\""))
                .body(containsString("value=\"&lt;b&gt;\""));
        given().queryParam("access_token", Tokens.expired("commissioner")).get("/dashboard").then().statusCode(401);
        given().queryParam("access_token", Tokens.as("coordinator")).get("/dashboard").then().statusCode(403);
        given().queryParam("access_token", Tokens.as("admin")).get("/dashboard/summary.csv").then().statusCode(200);
        // the JSON API takes the token in the header only
        given().queryParam("access_token", Tokens.as("admin")).get("/dashboard/summary").then().statusCode(401);
        given().get("/assets/dashboard.css").then().statusCode(200).contentType(containsString("text/css"));
        as("commissioner").get("/dashboard?from=2020-01-02&to=2020-01-01").then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("must not be after to"));
        as("commissioner").get("/dashboard/summary?groupBy=bogus").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
    }

    private static WebDriver chromium(Path profile) throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Chromium is not installed: run `source deploy/local/lib/browser.sh && "
                    + "alongside_ensure_browser` as root (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, Path file) throws Exception {
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 40, 12_000)));
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.getParent());
        Files.write(file, png);
    }
}
