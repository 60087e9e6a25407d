package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.timeline.admin.ReadModels;
import org.coproduction.timeline.testing.SignedInTestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The base of every browser test: the whole application on a random port with the demo study
 * loaded (one Spring context shared by every browser test class), every read model caught up
 * with it, and one headless Chromium per test class.
 *
 * <p>The browser starts with the flags this machine needs: no sandbox (tests run as root), and
 * no background networking, component updates or sync (the network is closed and Chromium would
 * keep trying). Selenium is given the driver's path, so Selenium Manager never downloads one.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "timeline.demo.load-on-empty-store=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    protected static final String DEMO = "peer-worker-study";
    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    protected static final Logger log = LoggerFactory.getLogger(BrowserTest.class);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    protected int port;

    @Autowired
    private ReadModels readModels;

    /** The API itself, to compare what a page shows with what the API answers. */
    @Autowired
    protected TestRestTemplate http;

    protected ChromeDriver browser;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(BrowserAvailable.chromium().toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1366,900",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserAvailable.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(PATIENCE);
        signIn(SignedInTestClients.USERNAME, SignedInTestClients.PASSWORD);
    }

    /**
     * Signs in on the login page (as the tests' site administrator unless a test says otherwise: it
     * coordinates the projects the tests register through {@link #http}, and sees the demo as a viewer).
     */
    protected void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("login.html");
        visible(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every read model has handled every stored event, so pages show the whole demo. */
    @BeforeEach
    void awaitReadModels() {
        long head = readModels.head();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> readModels.all().stream().allMatch(status -> status.caughtUpWith(head)));
    }

    /** Opens a page of the application: open("timeline.html?project=" + DEMO). */
    protected void open(String pathAndQuery) {
        browser.get("http://localhost:" + port + "/" + pathAndQuery);
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE);
    }

    /** Waits for an element to be visible and answers it. */
    protected WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves the whole page (up to 5,000 pixels high) as target/screenshots/NAME.png, for review. */
    protected void screenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(5000, height + 120)));
            Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    /** Sends a recording request through the API (as the tests' administrator) and expects 201. */
    protected void created(String path, Map<String, Object> body) {
        ResponseEntity<String> answer = http.postForEntity(path, body, String.class);
        assertThat(answer.getStatusCode().value())
                .as(path + " " + answer.getBody())
                .isEqualTo(201);
    }

    /**
     * Registers a project (on 2024-01-01, coordinated by the tests' administrator) whose id starts
     * with the prefix, and its members, each {id, name, perspective}, joined as researchers on
     * 2024-01-02; answers the project's id.
     */
    protected String newTeam(String prefix, String title, String[]... members) {
        String project = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        created("/api/projects", Map.of("projectId", project, "title", title, "occurredAt", "2024-01-01"));
        for (String[] m : members) {
            created(
                    "/api/projects/" + project + "/members",
                    Map.of(
                            "memberId",
                            m[0],
                            "name",
                            m[1],
                            "role",
                            "RESEARCHER",
                            "perspectives",
                            List.of(m[2]),
                            "occurredAt",
                            "2024-01-02"));
        }
        return project;
    }

    /**
     * Logs a speed figure (prefix {@code web-perf:}) and appends it to target/web-perf.txt: a
     * command-line test in the same JVM turns console logging off ({@code
     * logging.threshold.console=OFF}) for the rest of a full build, so the log alone may not show it.
     */
    protected static void webPerf(String line) {
        log.info(line);
        try {
            Files.writeString(
                    Path.of("target", "web-perf.txt"),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
