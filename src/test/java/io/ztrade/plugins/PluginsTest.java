package io.ztrade.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.AgentTester;
import io.ztrade.agent.RunTrigger;
import io.ztrade.backtest.BacktestSpec;
import io.ztrade.backtest.Backtests;
import io.ztrade.backtest.PreparedBacktest;
import io.ztrade.backtest.ReplayEngine;
import io.ztrade.backtest.ReplayResult;
import io.ztrade.decision.TradeAction;
import io.ztrade.records.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with plugin jars built in the test (the example, against the API only, and one that throws) in a folder of
 * its own: agents that use them run live, in bin/ztrade test and in a backtest, through the same steps.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PluginsTest extends PipelineTestSupport {

    static final Path DIR;

    static {
        try {
            Path work = Files.createTempDirectory("ztrade-plugins-test");
            Path api = PluginJars.apiClasses(work);
            DIR = work.resolve("plugins");
            PluginJars.example(work, api, DIR);
            PluginJars.plugin(work, api, DIR.resolve("exploding.jar"), Map.of("com.example.Exploding", """
                    package com.example;
                    import io.ztrade.plugin.api.*;
                    public class Exploding implements Strategy {
                        public String name() { return "exploding"; }
                        public Signal signal(Market m, Settings s) {
                            // counted where the test can read it (the plugin has a class loader of its own)
                            System.setProperty("exploding.calls", String.valueOf(Integer.getInteger("exploding.calls", 0) + 1));
                            throw new IllegalStateException("boom");
                        }
                    }
                    """), Map.of("io.ztrade.plugin.api.Strategy", "com.example.Exploding"));
            PluginJars.plugin(work, api, DIR.resolve("own-steps.jar"), Map.of("com.example.FixedSentiment", """
                    package com.example;
                    import io.ztrade.plugin.api.*;
                    import java.time.Instant;
                    import java.util.List;
                    public class FixedSentiment implements SentimentFeed {
                        public String name() { return "fixedSentiment"; }
                        public List<Parameter> parameters() {
                            return List.of(Parameter.decimal("score", 0, -1, 1, "the score it always reads"));
                        }
                        public Sentiment sentiment(String symbol, Instant at, Settings s) {
                            return new Sentiment(s.decimal("score"), 1, List.of("fixed@" + at), 1, null);
                        }
                    }
                    """, "com.example.HoldAlways", """
                    package com.example;
                    import io.ztrade.plugin.api.*;
                    public class HoldAlways implements DecisionRule {
                        public String name() { return "holdAlways"; }
                        public Decision decide(DecisionInput in, Settings s) {
                            return Decision.hold("held by holdAlways at sentiment " + in.sentiment().score());
                        }
                    }
                    """), Map.of("io.ztrade.plugin.api.SentimentFeed", "com.example.FixedSentiment",
                    "io.ztrade.plugin.api.DecisionRule", "com.example.HoldAlways"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void plugins(DynamicPropertyRegistry registry) {
        registry.add("ztrade.plugins.dir", DIR::toString);
        registry.add("camel.main.routes-include-pattern",
                () -> "file:routes/agent-template.yaml,classpath:routes/plugin-agents.yaml,classpath:routes/scripted-steps.yaml");
    }

    @Autowired
    AgentScheduler scheduler;
    @Autowired
    AgentTester tester;
    @Autowired
    AgentCatalog catalog;
    @Autowired
    Backtests backtests;
    @Autowired
    ReplayEngine engine;
    @Autowired
    TestRestTemplate http;

    @Test
    void theApiListsThePluginsStepsWithVersionAndJar() {
        String body = http.withBasicAuth("viewer", "test-viewer-password").getForObject("/api/plugins", String.class);
        assertThat(body).contains("\"name\":\"meanReversion\"", "\"version\":\"1.0.0-test\"",
                DIR.resolve("mean-reversion-plugin.jar").toString(), "\"name\":\"meanReversion.window\"",
                "\"name\":\"indicators\"", "\"file\":\"built-in\"", "\"apiVersion\":\"1.0\"");
    }

    @Test
    void aLiveRunAndATestRunUseThePluginsStrategy() {
        scheduler.runNow("plugin_mr", RunTrigger.MANUAL, true);
        RunRecord run = awaitRuns("plugin_mr", 1).get(0);
        assertThat(run.status()).isNotEqualTo("FAILED");
        assertThat(run.technicalSignal()).isBetween(-1.0, 1.0);
        // bin/ztrade test: the technical step's output is the plugin's signal, with its own details
        AgentTester.TestResult test = tester.test("plugin_mr", "technical", true);
        assertThat(test.steps()).singleElement().satisfies(step ->
                assertThat(String.valueOf(step.output())).contains("zScore", "mean"));
    }

    @Test
    void aBacktestUsesThePluginsStrategyAndRiskRule() {
        LocalDate today = LocalDate.now(io.ztrade.market.MarketCalendar.NEW_YORK);
        // the agent's own cron never fires; the backtest's fires hourly
        PreparedBacktest prepared = backtests.prepare(new BacktestSpec("plugin_mr", today.minusDays(20).toString(),
                today.minusDays(1).toString(), "synthetic", null, null, Map.of("cron", "0 0 * * * ?"), null, null, null,
                null, null, null));
        ReplayResult replay = engine.replay(prepared.requests().get(0).keepingRuns(), ReplayEngine.Progress.NONE);
        assertThat(replay.runs()).isNotEmpty().noneMatch(r -> r.status().name().equals("FAILED"));
        assertThat(replay.runs()).filteredOn(r -> r.technical() != null && r.technical().confidence() > 0)
                .as("runs with a signal, first: %s", replay.runs().get(0).technical()).isNotEmpty().allSatisfy(r -> assertThat(r.technical().indicators()).containsKey("zScore"));
        // maxPrice.limit 1: the plugin's rule refuses every buy Ztrade's rules approved; no buy is ever filled
        List<AgentRun> buys = replay.runs().stream()
                .filter(r -> r.decision() != null && r.decision().action() == TradeAction.BUY).toList();
        assertThat(buys).as("buys among %s", replay.statuses()).isNotEmpty().allSatisfy(r -> assertThat(r.order()).isNull());
        assertThat(buys).anySatisfy(r -> assertThat(r.risk().reasons()).anyMatch(reason -> reason.startsWith("maxPrice: ")));
    }

    @Test
    void aPluginsSentimentFeedAndDecisionRuleRunLiveAndInABacktest() {
        scheduler.runNow("plugin_own", RunTrigger.MANUAL, true);
        RunRecord live = awaitRuns("plugin_own", 1).get(0);
        assertThat(live.sentimentScore()).isEqualTo(0.25);
        assertThat(live.decision()).isEqualTo("HOLD");
        assertThat(live.rationale()).isEqualTo("held by holdAlways at sentiment 0.25");
        // in a backtest the feed is asked at the replayed fire time, and a sweep sets its parameter
        LocalDate today = LocalDate.now(io.ztrade.market.MarketCalendar.NEW_YORK);
        PreparedBacktest prepared = backtests.prepare(new BacktestSpec("plugin_own", today.minusDays(3).toString(),
                today.minusDays(1).toString(), "synthetic", null, null, Map.of("cron", "0 0 * * * ?"),
                Map.of("fixedSentiment.score", List.of(-0.5, 0.75)), null, null, null, null, null));
        assertThat(prepared.requests()).hasSize(2);
        for (var request : prepared.requests()) {
            ReplayResult replay = engine.replay(request.keepingRuns(), ReplayEngine.Progress.NONE);
            double score = Double.parseDouble(request.overrides().get("fixedSentiment.score"));
            assertThat(replay.runs()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.sentiment().score()).isEqualTo(score);
                assertThat(r.sentiment().sources()).containsExactly("fixed@" + r.scheduledAt());
                assertThat(r.decision().rationale()).isEqualTo("held by holdAlways at sentiment " + score);
            });
        }
    }

    /** What a backtest, a sweep or the optimiser may set: the chosen steps' parameters, those left at their default too. */
    @Test
    void aBacktestKnowsThePluginsParametersWithTheirValues() {
        Map<String, Object> parameters = engine.parameters("plugin_mr", Map.of());
        assertThat(parameters).containsEntry("meanReversion.window", "10").containsEntry("meanReversion.entryZ", "2.0")
                .containsEntry("maxPrice.limit", "1");
        assertThat(io.ztrade.backtest.optimize.ParameterSpace.check(Map.of("meanReversion.entryZ", "0.5:3"), parameters))
                .singleElement().satisfies(range -> assertThat(range.name()).isEqualTo("meanReversion.entryZ"));
    }

    /** A risk rule scripted in Groovy as a bean of the route files, used by an agent there, in a backtest. */
    @Test
    void aScriptedRiskRuleInTheRouteFilesRefusesLikeAPlugins() {
        String body = http.withBasicAuth("viewer", "test-viewer-password").getForObject("/api/plugins", String.class);
        assertThat(body).contains("\"name\":\"noBuyAbove\"", "routes/ (bean noBuyAboveRule)", "\"name\":\"noBuyAbove.limit\"");
        LocalDate today = LocalDate.now(io.ztrade.market.MarketCalendar.NEW_YORK);
        PreparedBacktest prepared = backtests.prepare(new BacktestSpec("scripted_btc", today.minusDays(20).toString(),
                today.minusDays(1).toString(), "synthetic", null, null, Map.of("cron", "0 0 * * * ?"), null, null, null,
                null, null, null));
        ReplayResult replay = engine.replay(prepared.requests().get(0).keepingRuns(), ReplayEngine.Progress.NONE);
        List<AgentRun> buys = replay.runs().stream()
                .filter(r -> r.decision() != null && r.decision().action() == TradeAction.BUY).toList();
        assertThat(buys).isNotEmpty().allSatisfy(r -> assertThat(r.order()).isNull());
        assertThat(buys).anySatisfy(r -> assertThat(r.risk().reasons())
                .contains("noBuyAbove: scripted: price above 1.0"));
    }

    @Test
    void aPluginThatThrowsFailsItsRunNamingItAndTheAppGoesOn() {
        int before = Integer.getInteger("exploding.calls", 0);
        scheduler.runNow("plugin_boom", RunTrigger.MANUAL, true);
        RunRecord failed = awaitRuns("plugin_boom", 1).get(0);
        assertThat(failed.status()).isEqualTo("FAILED");
        // no redelivery: the same inputs would throw again (ztrade.retry redelivers other failures twice here)
        assertThat(Integer.getInteger("exploding.calls", 0) - before).isEqualTo(1);
        assertThat(failed.error()).contains("strategy exploding (" + DIR.resolve("exploding.jar") + ") threw",
                "IllegalStateException: boom");
        scheduler.runNow("plugin_mr", RunTrigger.MANUAL, true);
        assertThat(awaitRuns("plugin_mr", 1).get(0).status()).isNotEqualTo("FAILED");
    }

    @Test
    void anUnknownNameOrABadParameterFailsNamingTheAgentAndWhatThereIs() {
        Map<String, Object> parameters = new LinkedHashMap<>(catalog.get("plugin_mr").toParameters());
        parameters.put("strategy", "meanRevrsion");
        assertThatThrownBy(() -> catalog.checkSteps(AgentSettings.fromParameters(parameters)))
                .hasMessage("agent plugin_mr: parameter 'strategy' 'meanRevrsion' is not a strategy; available: exploding,"
                        + " indicators, meanReversion");
        parameters.put("strategy", "meanReversion");
        parameters.put("meanReversion.window", "many");
        assertThatThrownBy(() -> catalog.checkSteps(AgentSettings.fromParameters(parameters)))
                .hasMessage("agent plugin_mr: parameter 'meanReversion.window' must be a whole number, got 'many'");
        // a backtest's override is checked as the agent's own would be
        assertThatThrownBy(() -> engine.replay(backtests.prepare(new BacktestSpec("plugin_mr", "2026-01-05", "2026-01-06",
                        "synthetic", null, null, Map.of("meanReversion.window", 1, "cron", "0 0 * * * ?"), null, null,
                        null, null, null, null))
                        .requests().get(0), ReplayEngine.Progress.NONE))
                .hasMessageContaining("meanReversion.window").hasMessageContaining("must be between 2 and 500, got 1");
    }
}
