package io.ztrade.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.agent.AgentCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live reload through the dev profile's own file watcher, on a temporary copy of a routes directory (the shipped
 * template and src/test/resources/routes/reload-agents.yaml), never the real routes/. Each test starts from those
 * files, edits them as an editor saves (a new file moved over the old) and waits for the reload on GET /api/routes.
 */
@io.ztrade.MostlyWaits
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "dev"})
class RoutesReloadTest {

    private static final Path DIR = copyOfRoutes();
    private static final Path AGENTS = DIR.resolve("agents.yaml");
    private static final Path TEMPLATE = DIR.resolve("agent-template.yaml");
    private static final String BASELINE_AGENTS = read(Path.of("src/test/resources/routes/reload-agents.yaml"));
    private static final String BASELINE_TEMPLATE = read(Path.of("routes/agent-template.yaml"));
    private static final List<String> BASELINE_IDS = List.of("reload_a", "reload_b", "reload_c");

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private CamelContext camel;

    @Autowired
    private AgentCatalog catalog;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("camel.main.routes-include-pattern", () -> "file:" + DIR + "/*.yaml");
    }

    /** What an agent runs as: its route object and its trigger. Equal means untouched by a reload. */
    private record Running(Route route, Date triggerStart, Date nextFire) {
    }

    @BeforeEach
    void startFromTheBaselineFiles() throws Exception {
        long checks = checks();
        boolean wrote = restore(TEMPLATE, BASELINE_TEMPLATE) | restore(AGENTS, BASELINE_AGENTS);
        if (wrote) {
            awaitCheckAfter(checks);
        }
        assertThat(routes().get("state").asText()).isEqualTo("APPLIED");
        assertThat(agentIds()).containsExactlyElementsOf(BASELINE_IDS);
    }

    @Test
    void addingAnAgentSchedulesItAndLeavesTheOthersAlone() throws Exception {
        Map<String, Running> before = running(BASELINE_IDS);

        reloadWith(BASELINE_AGENTS + agent("reload_d", "SPY", "0 0 0 1 4 ? 2099"));

        assertThat(agentIds()).containsExactly("reload_a", "reload_b", "reload_c", "reload_d");
        assertThat(trigger("reload_d").getNextFireTime()).isEqualTo(nextFire("0 0 0 1 4 ? 2099"));
        assertThat(running(BASELINE_IDS)).isEqualTo(before);
        assertThat(routes().get("lastChange").get("added").toString()).isEqualTo("[\"reload_d\"]");
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(agentMBean("reload_d"))).isTrue();
    }

    @Test
    void changingOneCronReschedulesOnlyThatAgentAndKeepsItsPause() throws Exception {
        assertThat(operator().postForEntity("/api/agents/reload_b/pause", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Map<String, Running> others = running(List.of("reload_a", "reload_c"));
        Route b = camel.getRoute("reload_b");
        try {
            reloadWith(BASELINE_AGENTS.replace("0 0 0 1 2 ? 2099", "0 0 0 1 6 ? 2099"));

            assertThat(camel.getRoute("reload_b")).isNotSameAs(b);
            assertThat(trigger("reload_b").getNextFireTime()).isEqualTo(nextFire("0 0 0 1 6 ? 2099"));
            assertThat(scheduler().getTriggerState(key("reload_b"))).isEqualTo(Trigger.TriggerState.PAUSED);
            assertThat(agent("reload_b").get("paused").asBoolean()).isTrue();
            assertThat(running(List.of("reload_a", "reload_c"))).isEqualTo(others);
        } finally {
            operator().postForEntity("/api/agents/reload_b/resume", null, String.class);
        }
    }

    /**
     * A scripted step (issue 15 item 3) is a bean of the route files: an edit that adds one binds it, and an agent
     * added by the same edit that chooses it runs with it at its next run; the other agents are left alone.
     */
    @Test
    void aScriptedStepAddedByAnEditIsUsedByTheAgentsNextRun() throws Exception {
        Map<String, Running> before = running(BASELINE_IDS);

        reloadWith(scriptedFeed("0.25") + BASELINE_AGENTS + agentWithFeed("reload_d"));

        assertThat(routes().get("state").asText()).as("%s", routes()).isEqualTo("APPLIED");
        assertThat(routes().get("lastChange").get("beans").toString()).isEqualTo("[\"reloadFeedBean\"]");
        assertThat(scriptedFeedDescription()).isEqualTo("reads 0.25");
        assertThat(sentimentOfANewRun("reload_d")).isEqualTo(0.25);
        assertThat(running(BASELINE_IDS)).isEqualTo(before);
    }

    @Test
    void aNewScriptOfAScriptedStepIsUsedByTheNextRunAndLeavesTheAgentsRouteAlone() throws Exception {
        reloadWith(scriptedFeed("0.25") + BASELINE_AGENTS + agentWithFeed("reload_d"));
        assertThat(sentimentOfANewRun("reload_d")).isEqualTo(0.25);
        Map<String, Running> before = running(List.of("reload_a", "reload_b", "reload_c", "reload_d"));

        reloadWith(scriptedFeed("0.75") + BASELINE_AGENTS + agentWithFeed("reload_d"));

        assertThat(routes().get("state").asText()).as("%s", routes()).isEqualTo("APPLIED");
        assertThat(sentimentOfANewRun("reload_d")).isEqualTo(0.75);
        assertThat(scriptedFeedDescription()).isEqualTo("reads 0.75");
        assertThat(running(List.of("reload_a", "reload_b", "reload_c", "reload_d"))).isEqualTo(before);
    }

    /** Reading the files again binds no bean: an edit elsewhere leaves the scripted step's instance (and its state). */
    @Test
    void anEditOfAnotherAgentLeavesTheScriptedStepsInstanceAlone() throws Exception {
        String withFeed = scriptedFeed("0.25") + BASELINE_AGENTS + agentWithFeed("reload_d");
        reloadWith(withFeed);
        Object feed = camel.getRegistry().lookupByName("reloadFeedBean");
        assertThat(feed).isNotNull();

        reloadWith(withFeed.replace("0 0 0 1 2 ? 2099", "0 0 0 1 6 ? 2099"));

        assertThat(routes().get("lastChange").get("changed").toString()).isEqualTo("[\"reload_b\"]");
        assertThat(camel.getRegistry().lookupByName("reloadFeedBean")).isSameAs(feed);
    }

    @Test
    void removingAScriptedStepAnAgentStillChoosesIsRefusedNamingTheBeanAndTheAgent() throws Exception {
        reloadWith(scriptedFeed("0.25") + BASELINE_AGENTS + agentWithFeed("reload_d"));
        Map<String, Running> before = running(List.of("reload_a", "reload_b", "reload_c", "reload_d"));

        reloadWith(BASELINE_AGENTS + agentWithFeed("reload_d"));

        JsonNode problem = brokenProblem();
        assertThat(problem.get("file").asText()).endsWith("agents.yaml");
        assertThat(problem.get("message").asText()).contains("reloadFeedBean", "reload_d", "reloadFeed");
        assertThat(running(List.of("reload_a", "reload_b", "reload_c", "reload_d"))).isEqualTo(before);
        assertThat(sentimentOfANewRun("reload_d")).isEqualTo(0.25);
    }

    @Test
    void aScriptThatDoesNotCompileIsRefusedNamingFileAndBeanAndTheOldVersionRuns() throws Exception {
        reloadWith(scriptedFeed("0.25") + BASELINE_AGENTS + agentWithFeed("reload_d"));

        reloadWith(scriptedFeed("0.75").replace("Sentiment.of(", "Sentiment.of((") + BASELINE_AGENTS
                + agentWithFeed("reload_d"));

        JsonNode problem = brokenProblem();
        assertThat(problem.get("file").asText()).endsWith("agents.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("message").asText()).contains("reloadFeedBean");
        assertThat(sentimentOfANewRun("reload_d")).isEqualTo(0.25);
        assertThat(scriptedFeedDescription()).isEqualTo("reads 0.25");
    }

    @Test
    void aScriptThatIsNotTheStepItsTypeSaysIsRefusedNamingTheBean() throws Exception {
        reloadWith(scriptedFeed("0.25") + BASELINE_AGENTS + agentWithFeed("reload_d"));

        reloadWith(scriptedFeed("0.75").replace("new SentimentFeed()", "new RiskRule()")
                .replace("Sentiment sentiment(String symbol, java.time.Instant at, Settings settings)",
                        "Verdict check(ProposedOrder order, Settings settings)")
                .replace("Sentiment.of(0.75, 1, 'reload')", "Verdict.approve()")
                + BASELINE_AGENTS + agentWithFeed("reload_d"));

        JsonNode problem = brokenProblem();
        assertThat(problem.get("file").asText()).endsWith("agents.yaml");
        assertThat(problem.get("message").asText()).contains("reloadFeedBean", "SentimentFeed");
        assertThat(sentimentOfANewRun("reload_d")).isEqualTo(0.25);
    }

    /** A bean that is not a scripted step may be held by the routes built with it: a change of it still needs a restart. */
    @Test
    void aBeanThatIsNotAScriptedStepStillNeedsARestart() throws Exception {
        Map<String, Running> before = running(BASELINE_IDS);

        reloadWith("""
                - beans:
                    - name: reloadSettings
                      type: java.util.HashMap
                """ + BASELINE_AGENTS);

        JsonNode problem = brokenProblem();
        assertThat(problem.get("file").asText()).endsWith("agents.yaml");
        assertThat(problem.get("text").asText()).contains("beans reloadSettings").contains("needs a restart");
        assertThat(camel.getRegistry().lookupByName("reloadSettings")).isNull();
        assertThat(running(BASELINE_IDS)).isEqualTo(before);
    }

    /** A sentiment feed scripted in Groovy, bean reloadFeedBean, step reloadFeed, that always reads {@code score}. */
    private static String scriptedFeed(String score) {
        return """
                - beans:
                    - name: reloadFeedBean
                      type: io.ztrade.plugin.api.SentimentFeed
                      scriptLanguage: groovy
                      script: |
                        import io.ztrade.plugin.api.*
                        new SentimentFeed() {
                            String name() { 'reloadFeed' }
                            String description() { 'reads %1$s' }
                            Sentiment sentiment(String symbol, java.time.Instant at, Settings settings) {
                                Sentiment.of(%1$s, 1, 'reload')
                            }
                        }
                """.formatted(score);
    }

    /** A crypto agent (its market never closes) whose sentiment is the scripted feed's. */
    private static String agentWithFeed(String id) {
        return agent(id, "ETH/USD", "0 0 0 1 4 ? 2099") + """
                      - { name: assetClass, value: crypto }
                      - { name: sentimentFeed, value: reloadFeed }
                """;
    }

    /** Runs the agent now and answers the sentiment score its record shows once the run has ended. */
    private double sentimentOfANewRun(String agentId) {
        var answer = operator().postForEntity("/api/agents/" + agentId + "/runs?force=true", null, JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String runId = answer.getBody().get("runId").asText();
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            run[0] = viewer().getForObject("/api/runs/" + runId, JsonNode.class);
            return run[0] != null && run[0].hasNonNull("finishedAt");
        });
        assertThat(run[0].get("status").asText()).as("%s", run[0]).isNotEqualTo("FAILED");
        return run[0].get("sentimentScore").asDouble();
    }

    /** The description /api/plugins gives the scripted step reloadFeed; null when it lists none. */
    private String scriptedFeedDescription() {
        for (JsonNode step : viewer().getForObject("/api/plugins", JsonNode.class).get("steps")) {
            if (step.get("name").asText().equals("reloadFeed")) {
                return step.get("description").asText();
            }
        }
        return null;
    }

    @Test
    void removingAnAgentDeletesItsTriggerAndJob() throws Exception {
        JobKey job = trigger("reload_c").getJobKey();
        Map<String, Running> others = running(List.of("reload_a", "reload_b"));

        reloadWith(BASELINE_AGENTS.substring(0, BASELINE_AGENTS.indexOf(entryStart("reload_c"))));

        assertThat(agentIds()).containsExactly("reload_a", "reload_b");
        assertThat(camel.getRoute("reload_c")).isNull();
        assertThat(trigger("reload_c")).isNull();
        assertThat(scheduler().checkExists(job)).isFalse();
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(agentMBean("reload_c"))).isFalse();
        assertThat(running(List.of("reload_a", "reload_b"))).isEqualTo(others);
    }

    @Test
    void malformedYamlChangesNothingShowsFileAndLineAndClearsOnceFixed() throws Exception {
        Map<String, Running> before = running(BASELINE_IDS);
        String withSpy = BASELINE_AGENTS + agent("reload_d", "SPY", "0 0 0 1 4 ? 2099");
        String broken = withSpy + "\n- templatedRoute: [unclosed\n";

        reloadWith(broken);

        JsonNode problem = brokenProblem();
        assertThat(problem.get("file").asText()).endsWith("agents.yaml");
        assertThat(problem.get("line").asInt()).isGreaterThan(lineCount(withSpy));
        assertThat(problem.get("text").asText()).startsWith(problem.get("file").asText() + ":" + problem.get("line").asInt() + ": ");
        assertHealthShows(problem.get("text").asText());
        assertThat(agentIds()).containsExactlyElementsOf(BASELINE_IDS);
        assertThat(running(BASELINE_IDS)).isEqualTo(before);

        reloadWith(withSpy);

        assertThat(routes().get("problems")).isEmpty();
        assertThat(agentIds()).containsExactly("reload_a", "reload_b", "reload_c", "reload_d");
        assertThat(viewer().getForObject("/actuator/health", JsonNode.class).at("/components/routes/status").asText())
                .isEqualTo("UP");
        assertThat(running(BASELINE_IDS)).isEqualTo(before);
    }

    @Test
    void anInvalidEntryInValidYamlChangesNothingAndNamesItsLine() throws Exception {
        Map<String, Running> before = running(BASELINE_IDS);
        String typo = BASELINE_AGENTS + agent("reload_d", "SPY", "0 0 0 1 4 ? 2099")
                + agent("reload_e", "QQQ", "0 0 0 1 5 ? 2099") + "      - { name: barTimefrme, value: 15Min }\n";

        reloadWith(typo);

        JsonNode problem = brokenProblem();
        assertThat(problem.get("file").asText()).endsWith("agents.yaml");
        assertThat(problem.get("line").asInt()).isBetween(lineOf(typo, entryStart("reload_e")), lineCount(typo));
        assertThat(problem.get("message").asText()).contains("reload_e").contains("barTimefrme");
        assertHealthShows(problem.get("text").asText());
        assertThat(agentIds()).containsExactlyElementsOf(BASELINE_IDS);
        assertThat(running(BASELINE_IDS)).isEqualTo(before);

        reloadWith(typo.replace("barTimefrme", "barTimeframe"));

        assertThat(routes().get("problems")).isEmpty();
        assertThat(agentIds()).containsExactly("reload_a", "reload_b", "reload_c", "reload_d", "reload_e");
        assertThat(catalog.get("reload_e").barTimeframe()).isEqualTo("15Min");
        assertThat(running(BASELINE_IDS)).isEqualTo(before);
    }

    @Test
    void aTemplateEditTouchesEveryAgent() throws Exception {
        Map<String, Running> before = running(BASELINE_IDS);
        assertThat(catalog.get("reload_a").threshold()).isEqualTo(0.15);
        long checks = checks();

        write(TEMPLATE, BASELINE_TEMPLATE.replace("defaultValue: \"0.15\"", "defaultValue: \"0.25\""));
        awaitCheckAfter(checks);

        assertThat(routes().get("state").asText()).isEqualTo("APPLIED");
        assertThat(agentIds()).containsExactlyElementsOf(BASELINE_IDS);
        for (String id : BASELINE_IDS) {
            assertThat(camel.getRoute(id)).isNotSameAs(before.get(id).route());
            assertThat(catalog.get(id).threshold()).isEqualTo(0.25);
            assertThat(trigger(id).getNextFireTime()).isEqualTo(before.get(id).nextFire());
        }
    }

    @Test
    void anEditCamelRefusesIsRolledBackToTheLastGoodRoutes() throws Exception {
        String unknownComponent = BASELINE_TEMPLATE.replace("uri: \"{{trigger}}:agents/{{agentId}}\"",
                "uri: \"nosuchcomponent:agents/{{agentId}}\"");
        assertThat(unknownComponent).isNotEqualTo(BASELINE_TEMPLATE);
        Map<String, Running> before = running(BASELINE_IDS);
        long checks = checks();

        write(TEMPLATE, unknownComponent);
        awaitCheckAfter(checks);

        JsonNode problem = brokenProblem();
        assertThat(problem.get("file").asText()).endsWith("agent-template.yaml");
        assertThat(problem.get("message").asText()).contains("nosuchcomponent");
        assertHealthShows(problem.get("text").asText());
        assertThat(agentIds()).containsExactlyElementsOf(BASELINE_IDS);
        for (String id : BASELINE_IDS) {
            assertThat(camel.getRouteController().getRouteStatus(id).isStarted()).isTrue();
            assertThat(camel.getRoute(id).getEndpoint().getEndpointUri()).startsWith("quartz://agents/" + id);
            assertThat(trigger(id).getNextFireTime()).isEqualTo(before.get(id).nextFire());
        }
    }

    /**
     * The console's "Broken routes" banner, in headless Chromium (io.ztrade.management.HeadlessChromium), on this
     * reload-enabled app: a broken agents.yaml shows the file, line and message; the fixed file takes it away.
     */
    @Test
    void theConsoleShowsABrokenRoutesBannerWithTheFileAndMessageUntilTheFileIsFixed() throws Exception {
        org.openqa.selenium.WebDriver browser = io.ztrade.management.HeadlessChromium.start();
        try {
            browser.get(http.getRootUri() + "/console");
            org.openqa.selenium.support.ui.WebDriverWait wait =
                    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30));
            org.openqa.selenium.By banner = org.openqa.selenium.By.id("routes-banner");
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.name("username"))).sendKeys("viewer");
            browser.findElement(org.openqa.selenium.By.name("password")).sendKeys("test-viewer-password");
            browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.cssSelector("tr[data-agent=reload_a]")));
            assertThat(browser.findElement(banner).isDisplayed()).isFalse();

            reloadWith(BASELINE_AGENTS + agent("reload_d", "SPY", "0 0 0 1 4 ? 2099")
                    + "      - { name: barTimefrme, value: 15Min }\n");
            JsonNode problem = brokenProblem();

            // the console reads GET /api/routes on load and every 10 s after: a reload reads it now
            browser.navigate().refresh();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(banner));
            assertThat(browser.findElement(banner).getText()).contains("Broken routes", problem.get("text").asText())
                    .contains("agents.yaml:" + problem.get("line").asInt()).contains("barTimefrme");

            reloadWith(BASELINE_AGENTS);
            browser.navigate().refresh();
            // the page starts with the banner hidden: wait for the first refresh to have read the routes
            wait.until(driver -> !driver.findElement(org.openqa.selenium.By.id("refreshed")).getText().isEmpty());
            assertThat(browser.findElement(banner).isDisplayed()).isFalse();
            assertThat(browser.findElement(banner).getText()).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private void reloadWith(String agents) throws Exception {
        long checks = checks();
        write(AGENTS, agents);
        awaitCheckAfter(checks);
    }

    private void awaitCheckAfter(long checks) {
        await().atMost(Duration.ofSeconds(60)).until(() -> checks() > checks);
    }

    private JsonNode brokenProblem() {
        JsonNode routes = routes();
        assertThat(routes.get("state").asText()).isEqualTo("BROKEN");
        assertThat(routes.get("problems")).hasSize(1);
        return routes.get("problems").get(0);
    }

    /** The node stays UP (the last good routes trade); the routes component says BROKEN with the problem. */
    private void assertHealthShows(String problem) {
        JsonNode health = viewer().getForObject("/actuator/health", JsonNode.class);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/routes/status").asText()).isEqualTo("BROKEN");
        assertThat(health.at("/components/routes/details/problems/0").asText()).isEqualTo(problem);
        assertThat(viewer().getForObject("/actuator/health/routes", JsonNode.class).get("status").asText()).isEqualTo("BROKEN");
    }

    private Map<String, Running> running(List<String> ids) throws SchedulerException {
        Map<String, Running> running = new TreeMap<>();
        for (String id : ids) {
            Trigger trigger = trigger(id);
            running.put(id, new Running(camel.getRoute(id), trigger.getStartTime(), trigger.getNextFireTime()));
        }
        return running;
    }

    private long checks() {
        return routes().get("checks").asLong();
    }

    private JsonNode routes() {
        return viewer().getForObject("/api/routes", JsonNode.class);
    }

    private JsonNode agent(String id) {
        return viewer().getForObject("/api/agents/" + id, JsonNode.class);
    }

    private List<String> agentIds() {
        List<String> ids = new ArrayList<>();
        viewer().getForObject("/api/agents", JsonNode.class).forEach(agent -> ids.add(agent.get("id").asText()));
        return ids;
    }

    private TestRestTemplate viewer() {
        return http.withBasicAuth("viewer", "test-viewer-password");
    }

    private TestRestTemplate operator() {
        return http.withBasicAuth("operator", "test-operator-password");
    }

    private Trigger trigger(String agentId) throws SchedulerException {
        return scheduler().getTrigger(key(agentId));
    }

    private Scheduler scheduler() {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler();
    }

    private ObjectName agentMBean(String agentId) throws Exception {
        return new ObjectName("io.ztrade:context=" + camel.getName() + ",type=agents,name=" + agentId);
    }

    private static TriggerKey key(String agentId) {
        return TriggerKey.triggerKey(agentId, "agents");
    }

    private static Date nextFire(String cron) throws Exception {
        CronExpression expression = new CronExpression(cron);
        expression.setTimeZone(TimeZone.getTimeZone("America/New_York"));
        return expression.getNextValidTimeAfter(Date.from(Instant.now()));
    }

    private static String entryStart(String id) {
        return "\n- templatedRoute:\n    routeTemplateRef: trading-agent\n    routeId: " + id + "\n";
    }

    private static String agent(String id, String symbol, String cron) {
        return entryStart(id) + """
                    prefixId: %1$s.
                    parameters:
                      - { name: agentId, value: %1$s }
                      - { name: symbol, value: %2$s }
                      - { name: cron, value: "%3$s" }
                """.formatted(id, symbol, cron);
    }

    private static int lineCount(String text) {
        return (int) text.lines().count();
    }

    /** The 1-based line where {@code part} (which starts with a newline) begins its text. */
    private static int lineOf(String text, String part) {
        return lineCount(text.substring(0, text.indexOf(part) + 1)) + 1;
    }

    private static boolean restore(Path file, String text) throws IOException {
        if (read(file).equals(text)) {
            return false;
        }
        write(file, text);
        return true;
    }

    /** As an editor saves: a new file moved over the old one. */
    private static void write(Path file, String text) throws IOException {
        Path next = DIR.resolve("." + file.getFileName() + ".tmp");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfRoutes() {
        try {
            Path dir = Files.createTempDirectory("ztrade-reload-");
            Files.copy(Path.of("routes/agent-template.yaml"), dir.resolve("agent-template.yaml"));
            Files.copy(Path.of("src/test/resources/routes/reload-agents.yaml"), dir.resolve("agents.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
