package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the console in Debian's headless Chromium (the flags outcomes-service's DashboardPageTest uses), with
 * what every screen is checked for: axe-core finds no serious or critical WCAG violation, and a screenshot of each
 * main screen goes to docs/console/.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = ServiceProcess.root().resolve("docs/console");

    final WebDriver driver;
    private final String base;

    ConsoleBrowser(String base) throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Chromium is not installed: run `source deploy/local/lib/browser.sh && "
                    + "alongside_ensure_browser` as root (.ci/run does)");
        }
        this.base = base;
        Path profile = Files.createTempDirectory("alongside-console-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en-GB");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build(), options);
    }

    private ConsoleBrowser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** The same browser, at another console: closing this one closes both. */
    ConsoleBrowser at(String otherBase) {
        return new ConsoleBrowser(driver, otherBase);
    }

    /** Forgets every console's session and leaves the page, so the next journey starts as a newcomer's would. */
    void signOut() {
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.get("about:blank");
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.substring(base.length());
    }

    /** Through the development sign-in page, as a person on the local stack would. */
    void signIn(String role, UUID peerId, String supervisorId, String odsCode) {
        open("/sign-in");
        signInHere(role, peerId, supervisorId, odsCode);
    }

    /** On the sign-in page the browser is on (after being sent there), so that it comes back where it was. */
    void signInHere(String role, UUID peerId, String supervisorId, String odsCode) {
        await(d -> !d.findElements(By.id("sign-in")).isEmpty());
        // the NHS design system draws its own radio over the input: a person clicks the label
        driver.findElement(By.cssSelector("label[for='role-" + role + "']")).click();
        if (peerId != null) {
            var field = driver.findElement(By.id("f-peerId"));
            if ("select".equals(field.getTagName())) {
                new Select(field).selectByValue(peerId.toString());
            } else {
                field.sendKeys(peerId.toString());
            }
        }
        if (supervisorId != null) {
            new Select(driver.findElement(By.id("f-supervisorId"))).selectByValue(supervisorId);
        }
        if (odsCode != null) {
            driver.findElement(By.id("f-odsCode")).clear();
            driver.findElement(By.id("f-odsCode")).sendKeys(odsCode);
        }
        driver.findElement(By.id("sign-in")).click();
        await(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    void await(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    /** Reloads the page until the condition holds: for what another service learns through events. */
    void awaitAfterReloads(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofSeconds(1))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            if (condition.apply(d)) {
                return true;
            }
            d.navigate().refresh();
            return condition.apply(d);
        });
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** axe-core on the page as it is: no serious or critical violation of WCAG 2.0-2.2 A and AA. */
    void assertAccessible(String screen) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertTrue(bad.isEmpty(), screen + " has serious or critical accessibility violations: " + bad.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    /** Checks the screen with axe and keeps a full-page screenshot of it in docs/console/NAME.png. */
    void screen(String name) throws Exception {
        assertAccessible(name);
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 40, 8_000)));
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
