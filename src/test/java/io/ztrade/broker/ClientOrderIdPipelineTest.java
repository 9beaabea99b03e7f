package io.ztrade.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.alert.Alerts;
import io.ztrade.management.AgentScheduler;
import io.ztrade.performance.RunRecord;
import io.ztrade.replay.ReplayTriggerComponent;
import io.ztrade.sentiment.SentimentAnalyzer;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.simulator.SimulatedAccount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** One order per run, through the real routes and the simulator's trading API. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientOrderIdPipelineTest extends PipelineTestSupport {

    @Autowired
    AgentScheduler scheduler;
    @Autowired
    SimulatedAccount simulator;
    @Autowired
    CamelContext camel;
    @Autowired
    ReplayTriggerComponent trigger;
    @Autowired
    Alerts alerts;

    @Test
    void aBurstOfManualRunsInOneSecondPlacesOneBrokerOrderPerRun() {
        int burst = 6;
        // start the burst at the top of a second, so all of it falls in that second
        long second = Instant.now().getEpochSecond();
        await().pollInterval(Duration.ofMillis(5)).until(() -> Instant.now().getEpochSecond() > second);
        for (int i = 0; i < burst; i++) {
            scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);
        }

        List<RunRecord> runs = awaitRuns("test_crypto", burst);
        List<RunRecord> withOrder = runs.stream().filter(r -> r.clientOrderId() != null).toList();
        assertThat(withOrder).as("the bullish news makes every run a BUY: %s", runs).hasSize(burst);
        assertThat(withOrder).extracting(RunRecord::clientOrderId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("zt-test_crypto-\\d+-[0-9a-f]{8}"));
        assertThat(withOrder).extracting(RunRecord::brokerOrderId).as("one broker order each").doesNotHaveDuplicates();
        assertThat(withOrder).allSatisfy(r -> assertThat(simulator.order(r.clientOrderId()))
                .hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(r.brokerOrderId())));
    }

    @Test
    void anotherOrderUnderTheRunsIdFailsTheRunAndAlertsAndNoFillIsRecorded() throws Exception {
        String agentId = "collide_" + (System.nanoTime() % 100_000);
        Instant fireTime = Instant.parse("2026-11-25T15:00:00Z");
        // another tool's ETH/USD $1 order, under the id this agent's run of that fire time will use
        String id = ClientOrderIds.of(agentId, fireTime);
        SimulatedAccount.Order stranger = simulator.submit(id, "ETH/USD", "buy", null, BigDecimal.ONE, "gtc");
        double alertsBefore = collisionAlerts();
        String routeId = addRoute(agentId);
        try {
            trigger.fire(routeId, fireTime);
        } finally {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
            camel.getRegistry().unbind(routeId + ".agentRuns");
            camel.getRegistry().unbind(routeId + ".sentiment");
        }

        List<RunRecord> records = store.latest(agentId, 10);
        assertThat(records).as("%s", records).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("FAILED");
            assertThat(r.decision()).as("it was a trade").isEqualTo("BUY");
            assertThat(r.error()).contains("client order id collision").contains(stranger.id())
                    .contains("is buy $1 of ETH/USD, this run's order is buy $1000.00 of BTC/USD");
            assertThat(r.brokerOrderId()).as("never the stranger's order").isNull();
            assertThat(r.fillQty()).isNull();
            assertThat(r.fillPrice()).isNull();
        });
        assertThat(collisionAlerts()).isEqualTo(alertsBefore + 1);
        assertThat(simulator.order(id)).hasValueSatisfying(o -> assertThat(o.symbol()).isEqualTo("ETH/USD"));
    }

    private double collisionAlerts() {
        return alerts.count("client-order-id-collision", "sent") + alerts.count("client-order-id-collision", "held_back");
    }

    /** The real template with the live error handling, broker and records; fired by the replay trigger. */
    private String addRoute(String agentId) throws Exception {
        Map<String, Object> p = TestAgents.defaults("BTC/USD", "crypto");
        p.put("agentId", agentId);
        p.put("sentimentWeight", "0.9");
        p.put("technicalWeight", "0.1");
        AgentSettings agent = AgentSettings.fromParameters(p);
        camel.getRegistry().bind(agentId + ".agentRuns", new AgentRuns(null) {
            @Override
            protected AgentSettings settingsOf(Exchange exchange) {
                return agent;
            }
        });
        camel.getRegistry().bind(agentId + ".sentiment", (SentimentAnalyzer) a -> new SentimentReading(1, 1, List.of("test"), 3, null));
        p.put("trigger", ReplayTriggerComponent.SCHEME);
        p.put("runsBean", agentId + ".agentRuns");
        p.put("sentimentBean", agentId + ".sentiment");
        TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID).routeId(agentId).prefixId(agentId + ".")
                .parameters(p).add();
        if (!Objects.requireNonNull(camel.getRouteController().getRouteStatus(agentId)).isStarted()) {
            camel.getRouteController().startRoute(agentId);
        }
        return agentId;
    }
}
