package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import io.ztrade.provider.ProviderUnavailableException;
import io.ztrade.records.RunRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The run view's log (runs.js) and the console's Run now that follows its run, in headless Chromium at 1280 px and at
 * a phone's width (390 px). Screenshots go to target/screenshots/.
 */
class RunLogsBrowserTest extends OperationsTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * test_crypto HALTED while these tests run: its runs go through every step and end BLOCKED_KILL_SWITCH at risk,
     * with no order, so the context's other tests still find its position and its orders of the day below the limits.
     */
    @org.junit.jupiter.api.BeforeEach
    void halted() {
        desk.setMode("test_crypto", "HALTED", "browser test", "test");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.ztrade.desk.DeskOperations desk;

    @AfterEach
    void realMarketData() {
        Mockito.reset(marketData);
        desk.setMode("test_crypto", "ACTIVE", "test over", "test");
    }

    @Test
    void theRunViewShowsTheRunsLogWithItsStepsSecretsMaskedOnADeskAndOnAPhone() throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        doAnswer(call -> {
            if (failed.compareAndSet(false, true)) {
                throw new ProviderUnavailableException("market data outage calling /v2/stocks?apikey=" + SECRET
                        + " " + "and a long tail ".repeat(30));
            }
            return call.callRealMethod();
        }).when(marketData).snapshot(any(), any(), anyInt());
        RunRecord run = forcedRunInItsOwnSecond("test_crypto");

        browser.manage().window().setSize(new Dimension(1280, 900));
        logIn("viewer", VIEWER_PASSWORD);
        By cell = By.cssSelector("tr[data-agent=test_crypto] .cell[data-run='" + run.runId() + "']");
        wait(20).until(ExpectedConditions.presenceOfElementLocated(cell));
        browser.findElement(cell).click();

        By retry = By.xpath("//div[@id='run-log-lines']/div[@data-step='marketData' and @data-level='WARN']");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(retry));
        assertThat(browser.findElement(retry).getText()).contains("market data outage", "apikey=***");
        assertThat(browser.getPageSource()).doesNotContain(SECRET);
        assertThat(steps()).contains("marketData", "risk", "");
        scrollTo("run-log");
        screenshot("console-run-log");

        new Select(browser.findElement(By.id("run-log-step"))).selectByValue("risk");
        wait(5).until(driver -> steps().stream().allMatch("risk"::equals));
        assertThat(browser.findElement(By.id("run-log-state")).getText()).contains("in risk");
        assertThat(browser.findElement(By.id("run-log-lines")).getText()).contains("risk KILL_SWITCH BUY of BTC/USD");
        new Select(browser.findElement(By.id("run-log-step"))).selectByValue("");
        // every step's lines again once the console has fetched them (until then it shows risk's alone)
        wait(10).until(ExpectedConditions.presenceOfElementLocated(retry));

        // a phone: every line within the screen, the long retry line wrapped, not cut and not scrolled sideways
        browser.manage().window().setSize(new Dimension(390, 844));
        wait(5).until(driver -> width() <= 390);
        WebElement message = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "(//div[@id='run-log-lines']/div[@data-step='marketData' and @data-level='WARN'])[1]/span[@class='log-message']")));
        assertThat(rightEdge("run-log-lines")).isLessThanOrEqualTo(width());
        assertThat(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth;", message)).intValue()).isZero();
        assertThat(message.getSize().getHeight()).as("wrapped over several lines").isGreaterThan(3 * 12);
        scrollTo("run-log");
        screenshot("console-run-log-phone");
    }

    @Test
    void runNowFollowsTheRunItStartedToItsEndAndOpensIt() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        logIn("operator", OPERATOR_PASSWORD);
        By runNow = By.cssSelector("tr[data-agent=test_crypto] button[data-action=run-now]");
        wait(20).until(ExpectedConditions.elementToBeClickable(runNow)).click();

        wait(10).until(ExpectedConditions.textMatches(By.id("message"), java.util.regex.Pattern.compile(
                "run [0-9a-f-]{36} of test_crypto (started; following it|ended BLOCKED_KILL_SWITCH)")));
        wait(20).until(ExpectedConditions.textMatches(By.id("message"), java.util.regex.Pattern.compile(
                "run [0-9a-f-]{36} of test_crypto ended BLOCKED_KILL_SWITCH")));
        String runId = browser.findElement(By.id("message")).getText().split(" ")[1];
        assertThat(browser.findElement(By.id("run-id")).getText()).isEqualTo("test_crypto " + runId);
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-log-lines"), "status=BLOCKED_KILL_SWITCH"));
        screenshot("console-run-now-followed");
        browser.manage().window().setSize(new Dimension(390, 844));
        wait(5).until(driver -> width() <= 390);
        assertThat(rightEdge("run-log-lines")).isLessThanOrEqualTo(width());
        screenshot("console-run-now-followed-phone");
    }

    private void logIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/console");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-agent=test_crypto]")));
    }

    /** The step of each line shown, read again when the 10 s refresh redraws them. */
    private List<String> steps() {
        return wait(5).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver ->
                driver.findElements(By.cssSelector("#run-log-lines .log-line")).stream()
                        .map(line -> line.getAttribute("data-step")).toList());
    }

    private int width() {
        return ((Number) js("return document.documentElement.clientWidth;")).intValue();
    }

    private double rightEdge(String id) {
        return ((Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().right;", id)).doubleValue();
    }

    private void scrollTo(String id) {
        js("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
