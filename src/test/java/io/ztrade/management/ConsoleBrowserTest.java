package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.springframework.http.ResponseEntity;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The runs console and Hawtio in headless Chromium (Debian's chromium and chromium-driver; Selenium Manager never
 * downloads anything). Screenshots go to target/screenshots/.
 */
class ConsoleBrowserTest extends OperationsTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    io.ztrade.backtest.Backtests backtests;

    @org.springframework.beans.factory.annotation.Autowired
    CamelContext camel;

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

    @Test
    void anAdminLogsInSeesTheGridOpensARunAndItsTimelineThenFindsTheAgentRoutesInHawtio() throws IOException {
        browser.manage().deleteAllCookies();
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
        operator().postForEntity("/api/agents/test_stock/runs", null, JsonNode.class);
        awaitRun("test_crypto", r -> "FILLED".equals(r.status()));
        awaitRun("test_stock", r -> true);

        browser.get(url("/console"));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-agent=test_crypto] .cell.FILLED")));
        assertThat(browser.findElements(By.cssSelector("tr[data-agent]"))).hasSizeGreaterThanOrEqualTo(2);
        screenshot("console-grid");

        browser.findElement(By.cssSelector("tr[data-agent=test_crypto] .cell.FILLED")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#gantt .bar-row[data-step=broker]")));
        List<String> steps = browser.findElements(By.cssSelector("#gantt .bar-row")).stream()
                .map(row -> row.getAttribute("data-step")).toList();
        assertThat(steps).contains("marketHours", "marketData", "sentiment", "technical", "decision", "risk", "broker");
        WebElement brokerRow = browser.findElement(By.xpath("//table[@id='steps']//tr[td[1][text()='broker']]"));
        assertThat(brokerRow.getText()).contains("clientOrderId=zt-test_crypto-");
        screenshot("console-run-timeline");

        // the console's buttons send the CSRF token; the action shows up in the audit table
        browser.findElement(By.id("kill-switch-toggle")).click();
        wait(10).until(ExpectedConditions.textToBe(By.id("kill-switch"), "kill switch ON"));
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#audit tbody"), "KILL_SWITCH_ON"));
        browser.findElement(By.id("kill-switch-toggle")).click();
        wait(10).until(ExpectedConditions.textToBe(By.id("kill-switch"), "kill switch off"));

        browser.get(url("/actuator/hawtio/camel/routes"));
        try {
            wait(60).until(driver -> driver.getPageSource().contains("test_crypto"));
        } finally {
            screenshot("hawtio-camel-routes");
            Files.writeString(SCREENSHOTS.resolve("hawtio-camel-routes.html"), browser.getPageSource());
        }
        assertThat(browser.getPageSource()).contains("test_stock");
    }

    @Test
    void aFinishedBacktestIsListedAndItsEquityAndDrawdownAreCharted() throws IOException {
        browser.manage().deleteAllCookies();
        ResponseEntity<JsonNode> accepted = operator().postForEntity("/api/backtests", Map.of("agent", "test_stock",
                "from", "2025-03-03", "to", "2025-03-07", "source", "synthetic",
                "parameters", Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", 0, "threshold", 0.1)), JsonNode.class);
        String id = accepted.getBody().get("id").asText();
        backtests.await(backtests.find(id).orElseThrow());

        browser.get(url("/console"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-backtest='" + id + "']")));
        WebElement row = browser.findElement(By.cssSelector("tr[data-backtest='" + id + "']"));
        assertThat(row.getText()).contains("test_stock", "DONE", "100 %");
        row.click();

        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("backtest-chart")));
        assertThat(browser.findElements(By.cssSelector("#backtest-equity canvas"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#backtest-drawdown canvas"))).hasSize(1);
        assertThat(browser.findElement(By.id("backtest-title")).getText()).contains(id, "test_stock");
        // what the replay used and the same-capital benchmark, in words
        assertThat(browser.findElement(By.cssSelector("#backtest-figures dd[data-figure='sentiment']")).getText())
                .startsWith("none: technical only, 0.00 % of the live decision left out");
        assertThat(browser.findElement(By.cssSelector("#backtest-figures dd[data-figure='buy and hold']")).getText())
                .contains("of $10000.00 (the agent's maxPositionValue)");
        assertThat(browser.findElement(By.cssSelector("#backtest-figures dd[data-figure='capital deployed']")).getText())
                .startsWith("average $");
        // every trade marked on the equity chart: the buys and sells series hold one point per mark
        JsonNode report = operator().getForObject("/api/backtests/" + id, JsonNode.class).get("report");
        @SuppressWarnings("unchecked")
        List<Object> plotted = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const u = backtestCharts.equity; return [u.series[3].label, u.series[4].label,"
                        + " u.data[3].filter(v => v !== null).length + u.data[4].filter(v => v !== null).length];");
        assertThat(report.get("tradeMarks").size()).isPositive();
        assertThat(plotted).containsExactly("buys", "sells", (long) report.get("tradeMarks").size());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('backtest-chart').scrollIntoView()");
        screenshot("console-backtest");
    }

    @Test
    void aViewerSeesTheConsoleWithoutActionsAndBrowsesHawtiosCamelTab() throws IOException {
        browser.manage().deleteAllCookies();
        NotifyBuilder ran = new NotifyBuilder(camel).fromRoute("test_crypto").whenDone(1).create();
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
        assertThat(ran.matches(20, TimeUnit.SECONDS)).as("a run of test_crypto").isTrue();
        browser.get(url("/console"));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys("viewer");
        browser.findElement(By.name("password")).sendKeys(VIEWER_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait(20).until(ExpectedConditions.textToBe(By.id("who"), "viewer (viewer)"));
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-agent=test_crypto]")));
        assertThat(browser.findElements(By.cssSelector("tr[data-agent] button"))).isEmpty();
        assertThat(browser.findElement(By.id("kill-switch-toggle")).isDisplayed()).isFalse();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#modes tr[data-scope=test_crypto]")));
        assertThat(browser.findElements(By.cssSelector("#modes button"))).isEmpty();

        // Hawtio draws the routes from Jolokia reads and read-only operations, which viewers may send
        browser.get(url("/actuator/hawtio/camel/routes"));
        try {
            openOwnRoutesInHawtio();
            wait(60).until(driver -> driver.getPageSource().contains("test_crypto"));
        } finally {
            screenshot("hawtio-camel-routes-viewer");
        }
        // the route diagram (dumpRoutesAsXml(), dumpRoutesStatsAsXml: on Jolokia's allow-list for viewers)
        browser.findElement(By.linkText("Route Diagram")).click();
        try {
            wait(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".react-flow__node")));
            // each node's count comes from the processor statistics with the node's id (Hawtio polls every 2 s)
            wait(30).withMessage("a count on the node test_crypto.broker of Hawtio's route diagram")
                    .until(driver -> !List.of("", "0").contains(count(driver, "test_crypto.broker")));
        } finally {
            screenshot("hawtio-camel-route-diagram-viewer");
        }
        List<String> labels = nodeLabels();
        assertThat(labels).isNotEmpty().noneMatch(label -> label.contains("{{"));
        assertThat(labels).contains("Bean agentRuns.st...");

        // one agent's own diagram, as an operator opens it from the tree
        openOwnRouteInHawtio("test_crypto");
        try {
            // the routes' diagram gives way to this one (no other agent's node), fitted to the window from the top
            wait(30).withMessage("test_crypto's route diagram alone, with a count on its node test_crypto.broker")
                    .until(driver -> count(driver, "test_stock.broker").isEmpty()
                            && !List.of("", "0").contains(count(driver, "test_crypto.broker"))
                            && inView(driver, "test_crypto.start"));
        } finally {
            screenshot("hawtio-agent-route-diagram-viewer");
        }
        assertThat(nodeLabels()).isNotEmpty().noneMatch(label -> label.contains("{{"));
    }

    /**
     * Opens the routes of this test's Camel context in Hawtio's tree. The tree lists every Camel context of this JVM
     * (the suite's cached Spring contexts, by name) and opens the first, where this test's run may not be.
     */
    private void openOwnRoutesInHawtio() {
        String context = treeItem("", camel.getName());
        expand(context);
        clickTreeNode(treeItem(context, "routes"));
    }

    /** Opens one route of this test's Camel context from Hawtio's tree. */
    private void openOwnRouteInHawtio(String routeId) {
        String routes = treeItem(treeItem("", camel.getName()), "routes");
        expand(routes);
        clickTreeNode(treeItem(routes, routeId));
    }

    /**
     * The XPath of the item (li) of Hawtio's tree with this text, below the item {@code parent} ("" for the whole
     * tree); an item holds its children once expanded.
     */
    private static String treeItem(String parent, String text) {
        return parent + "//*[contains(@class,'tree-view__node-text') and normalize-space()='" + text + "']/ancestor::li[1]";
    }

    /** Expands a tree item unless it is open: its own toggle comes before its children's. */
    private void expand(String item) {
        By located = By.xpath(item);
        wait(60).until(ExpectedConditions.presenceOfElementLocated(located));
        if (!"true".equals(browser.findElement(located).getAttribute("aria-expanded"))) {
            browser.findElement(By.xpath("(" + item + "//button[contains(@class,'tree-view__node-toggle')])[1]")).click();
        }
        wait(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> "true".equals(driver.findElement(located).getAttribute("aria-expanded")));
    }

    /** Selects a tree item by clicking its own text. */
    private void clickTreeNode(String item) {
        By text = By.xpath("(" + item + "//*[contains(@class,'tree-view__node-text')])[1]");
        wait(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(text)).click();
    }

    /**
     * The diagram's node labels, read again when Hawtio redraws the diagram under the read (its 2 s poll replaces
     * the nodes: a label found a moment before is then stale, and for a moment there is none).
     */
    private List<String> nodeLabels() {
        return wait(10).withMessage("the labels of Hawtio's route diagram")
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> {
                    List<String> labels = driver.findElements(By.cssSelector(".react-flow__node .camel-node-label"))
                            .stream().map(WebElement::getText).toList();
                    return labels.isEmpty() ? null : labels;
                });
    }

    /** Whether the diagram's node with this id is inside the window (Hawtio fits the diagram to it once drawn). */
    private static boolean inView(WebDriver driver, String nodeId) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const node = Array.from(document.querySelectorAll('.react-flow__node')).find(n =>
                    (n.querySelector('.camel-node-id')?.textContent ?? '').trim() === '(ID: ' + arguments[0] + ')');
                const box = node?.getBoundingClientRect();
                return !!box && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;""",
                nodeId));
    }

    /** The count Hawtio's route diagram shows on the node with this id, "" when there is no such node. */
    private static String count(WebDriver driver, String nodeId) {
        Object count = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const node = Array.from(document.querySelectorAll('.react-flow__node')).find(n =>
                    (n.querySelector('.camel-node-id')?.textContent ?? '').trim() === '(ID: ' + arguments[0] + ')');
                return node ? node.querySelector('.number').textContent.trim() : '';""", nodeId);
        return String.valueOf(count);
    }

    @Test
    void anOperatorHaltsAnAgentFromTheConsoleTheBannerSaysWhyAndOnlyAnAdminCanLiftIt() throws IOException {
        browser.manage().deleteAllCookies();
        try {
            browser.get(url("/console"));
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
            browser.findElement(By.name("username")).sendKeys("operator");
            browser.findElement(By.name("password")).sendKeys(OPERATOR_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            wait(20).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#modes button[data-scope=test_stock][data-mode=HALTED]")));
            assertThat(browser.findElement(By.id("desk-banner")).isDisplayed()).isFalse();
            browser.findElement(By.id("mode-reason")).sendKeys("broker maintenance");
            browser.findElement(By.cssSelector("#modes button[data-scope=test_stock][data-mode=HALTED]")).click();

            wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-banner")));
            assertThat(browser.findElement(By.id("desk-banner")).getText())
                    .contains("agent test_stock HALTED by operator (api)", "broker maintenance");
            // an operator may tighten further but not loosen: no ACTIVE / REDUCE_ONLY button for a halted agent
            assertThat(browser.findElements(By.cssSelector("#modes button[data-scope=test_stock]"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("#modes button[data-scope=desk][data-mode=HALTED]"))).hasSize(1);
            screenshot("console-agent-halted");
        } finally {
            admin().exchange("/api/agents/test_stock/mode", org.springframework.http.HttpMethod.PUT,
                    new org.springframework.http.HttpEntity<>(Map.of("mode", "ACTIVE", "reason", "test over")), JsonNode.class);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
