package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.management.security.Role;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Ztrade's own login page in headless Chromium at 1280 px and at a phone's width (390 px): its name, where the first
 * password comes from, a wrong password said on the page, a login through it to the console, and the login back-off
 * shown on it. Screenshots go to target/screenshots/.
 */
class LoginPageBrowserTest extends OperationsTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    InMemoryUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

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

    @Test
    void anOperatorLogsInThroughZtradesLoginPageOnADesk() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        openLoginPage();
        assertThat(browser.getTitle()).isEqualTo("Log in - Ztrade");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ztrade");
        assertThat(browser.findElement(By.id("first-password")).getText())
                .contains("user admin", "ZTRADE_ADMIN_PASSWORD");
        assertThat(browser.getPageSource()).as("Spring's generic page").doesNotContain("Please sign in");
        screenshot("login");

        submit("operator", "not-the-password");
        wait(10).until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Wrong user name or password");

        submit("operator", OPERATOR_PASSWORD);
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-agent=test_crypto]")));
        assertThat(browser.getCurrentUrl()).contains("/console");
        // the session is the operator's: the console says who, and shows the operator's buttons
        wait(10).until(ExpectedConditions.textToBe(By.id("who"), "operator (operator)"));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-agent=test_crypto] button[data-action=run-now]")));

        browser.findElement(By.cssSelector("#logout button")).click();
        wait(10).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("You are logged out.");
    }

    @Test
    void aViewerLogsInOnAPhoneAndTheFormFitsTheScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        openLoginPage();
        wait(5).until(driver -> width() <= 390);
        for (String id : new String[] {"username", "password", "first-password"}) {
            assertThat(rightEdge(id)).as(id + " within the screen").isLessThanOrEqualTo(width());
        }
        assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .intValue()).as("no sideways scrolling").isZero();
        screenshot("login-phone");

        submit("viewer", VIEWER_PASSWORD);
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-agent=test_crypto]")));
        assertThat(browser.getCurrentUrl()).contains("/console");
        wait(10).until(ExpectedConditions.textToBe(By.id("who"), "viewer (viewer)"));
    }

    /** Its own user, so the back-off reaches no other test; a success of another user then clears the address. */
    @Test
    void theLoginBackoffIsShownOnTheLoginPage() {
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        users.createUser(User.withUsername(username).password(encoder.encode("right-password")).roles(Role.VIEWER.name()).build());
        browser.manage().window().setSize(new Dimension(1280, 900));
        openLoginPage();
        for (int i = 0; i < 6; i++) {
            submit(username, "wrong-" + i);
            assertThat(browser.findElement(By.id("notice")).getText()).as("failure " + (i + 1)).contains("Wrong user name");
        }
        submit(username, "right-password");
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Too many failed logins"));
        assertThat(browser.findElement(By.id("notice")).getText()).matches("Too many failed logins .* try again in \\d+ s\\.");
        // the page it shows still logs in (its form carries a fresh CSRF token)
        submit("viewer", VIEWER_PASSWORD);
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-agent=test_crypto]")));
    }

    private void openLoginPage() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/console");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    private void submit(String user, String password) {
        browser.findElement(By.name("username")).clear();
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        js("window.ztradeLeft = true;");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the next page (a new document, without this one's mark), not this one still showing
        wait(10).until(driver -> js("return window.ztradeLeft === undefined && document.readyState === 'complete';")
                .equals(Boolean.TRUE));
    }

    private int width() {
        return ((Number) js("return document.documentElement.clientWidth;")).intValue();
    }

    private double rightEdge(String id) {
        return ((Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().right;", id)).doubleValue();
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
