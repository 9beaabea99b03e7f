package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentScheduler;
import io.ztrade.desk.AuditLog;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenID Connect login against a real provider (Spring Authorization Server, {@link OidcTestProvider}, its own
 * context and port), driven by headless Chromium through the whole authorization code flow: Ztrade's login page's
 * button, the provider's login form, the code back to Ztrade. The {@code groups} claim maps to roles by configuration;
 * a user with no mapped group gets no access; an SSO viewer may do exactly what a local viewer may.
 */
@ExtendWith(OutputCaptureExtension.class)
class OidcLoginTest extends OperationsTestSupport {

    static final AtomicInteger ZTRADE_PORT = new AtomicInteger();
    static ConfigurableApplicationContext provider;
    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    AgentScheduler scheduler;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        if (provider == null) {
            provider = OidcTestProvider.start(ZTRADE_PORT::get);
        }
        registry.add("ztrade.security.oidc.issuer-uri", () -> OidcTestProvider.issuer(provider));
        registry.add("ztrade.security.oidc.client-id", () -> OidcTestProvider.CLIENT_ID);
        // as from the environment (ZTRADE_SECURITY_OIDC_CLIENT_SECRET): a test's own property source, not a file
        registry.add("ztrade.security.oidc.client-secret", () -> OidcTestProvider.CLIENT_SECRET);
        registry.add("ztrade.security.oidc.client-name", () -> "Test IdP");
        registry.add("ztrade.security.oidc.viewer-groups", () -> "analysts");
        registry.add("ztrade.security.oidc.operator-groups", () -> "traders");
        registry.add("ztrade.security.oidc.admin-groups", () -> "desk-admins");
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    @BeforeEach
    void ztradesPort() {
        ZTRADE_PORT.set(port);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void resume() {
        scheduler.resume("test_stock");
    }

    @Test
    void anSsoViewerReadsButMayNotPauseRunFlipTheKillSwitchOrWriteThroughJolokia(CapturedOutput output) {
        logInThroughTheProvider("sso-viewer");
        wait(10).until(ExpectedConditions.textToBe(By.id("who"), "sso-viewer (viewer)"));
        assertThat(call("GET", "/api/agents", null)).isEqualTo(200);
        assertThat(call("POST", "/api/agents/test_stock/pause", null)).as("pause").isEqualTo(403);
        assertThat(call("POST", "/api/agents/test_stock/runs", null)).as("run now").isEqualTo(403);
        assertThat(call("POST", "/api/kill-switch/on", null)).as("kill switch").isEqualTo(403);
        String jolokia = (String) async("""
                const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
                fetch('/actuator/jolokia', {method: 'POST', headers: {'X-XSRF-TOKEN': token, 'Content-Type': 'application/json'},
                  body: JSON.stringify({type: 'exec', mbean: 'io.ztrade:context=*,type=desk', operation: 'killSwitch', arguments: ['on']})})
                  .then(r => r.text()).then(done);""");
        assertThat(jolokia).contains("\"status\":403").doesNotContain("\"status\":200");
        assertThat(scheduler.schedule(catalogAgent()).paused()).isFalse();
        assertThat(output).doesNotContain(OidcTestProvider.CLIENT_SECRET);
    }

    @Test
    void anSsoOperatorPausesAndTheAuditLogNamesThem() {
        logInThroughTheProvider("sso-operator");
        wait(10).until(ExpectedConditions.textToBe(By.id("who"), "sso-operator (operator)"));
        assertThat(call("POST", "/api/agents/test_stock/pause", null)).isEqualTo(200);
        assertThat(call("POST", "/api/kill-switch/on", null)).as("kill switch is the admin's").isEqualTo(403);
        assertThat(audit.latest(10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("PAUSE");
            assertThat(entry.username()).isEqualTo("sso-operator");
        });
    }

    @Test
    void aUserWithNoMappedGroupGetsNoAccess(CapturedOutput output) {
        logInThroughTheProvider("sso-nobody");
        wait(10).until(ExpectedConditions.urlContains("/login?error"));
        // refused for its groups (not for a broken flow: the provider's tokens reached the role mapping)
        assertThat(output).contains("OpenID Connect login refused for 'sso-nobody': no value of its 'groups' claim");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("may not log in");
        browser.get(ztrade("/console"));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(call("GET", "/api/agents", null)).isEqualTo(401);
    }

    private io.ztrade.agent.AgentSettings catalogAgent() {
        return catalog.get("test_stock");
    }

    @Autowired
    io.ztrade.agent.AgentCatalog catalog;

    /** Ztrade's login page, its provider button, the provider's own form, and back. */
    private void logInThroughTheProvider(String user) {
        // no session left at either end (cookies are per host: the provider's are deleted on its own pages)
        browser.get(OidcTestProvider.issuer(provider) + "/login");
        browser.manage().deleteAllCookies();
        browser.get(ztrade("/login"));
        browser.manage().deleteAllCookies();
        browser.get(ztrade("/console"));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.sso[data-provider=sso]")));
        assertThat(browser.findElement(By.cssSelector("a.sso")).getText()).isEqualTo("Log in with Test IdP");
        browser.findElement(By.cssSelector("a.sso")).click();
        wait(10).until(ExpectedConditions.urlContains(OidcTestProvider.issuer(provider) + "/login"));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(OidcTestProvider.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait(20).until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(ztrade("/")) + ".*"));
    }

    private String ztrade(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A call from the logged-in page, with the session and the CSRF token as the console sends them: its status. */
    private int call(String method, String path, String body) {
        return ((Number) async("""
                const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                const headers = cookie ? {'X-XSRF-TOKEN': cookie.split('=')[1]} : {};
                fetch(arguments[1], {method: arguments[0], headers: headers, body: arguments[2], redirect: 'manual',
                  credentials: 'same-origin'}).then(r => done(r.type === 'opaqueredirect' ? 401 : r.status));""",
                method, path, body)).intValue();
    }

    private static Object async(String script, Object... arguments) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];\n" + script, arguments);
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
