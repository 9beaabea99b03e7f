package io.ztrade.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.agent.steps.SentimentStep;
import io.ztrade.alert.Alerts;
import io.ztrade.agent.FiredTrigger;
import io.ztrade.records.RunRecord;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.simulator.SimulatedAccount;
import io.ztrade.simulator.SimulatedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
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
    SimulatedAccount simulator;
    @Autowired
    CamelContext camel;
    @Autowired
    FiredTrigger trigger;
    @Autowired
    Alerts alerts;

    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    @Test
    void aBurstOfManualRunsInOneSecondPlacesOneBrokerOrderPerRun() throws Exception {
        int burst = 6;
        String agentId = "burst_" + RUNS.incrementAndGet() + "_" + (System.nanoTime() % 10_000);
        // every run of the burst is a manual run requested in the same second
        Instant second = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String routeId = addRoute(agentId, second);
        NotifyBuilder recorded = recorded(agentId, burst);
        try {
            for (int i = 0; i < burst; i++) {
                trigger.fire(routeId, second, RunTrigger.REPLAY);
            }
            // the records are written off the run's thread, by the route's performance wireTap: wait for them
            // before removing the route, whose removal drops the wireTap's pending sends
            assertThat(recorded.matches(60, TimeUnit.SECONDS)).as("%d records of %s", burst, agentId).isTrue();
        } finally {
            removeRoute(routeId);
        }

        List<RunRecord> runs = store.latest(agentId, 100);
        assertThat(runs).hasSize(burst).allSatisfy(r -> {
            assertThat(r.trigger()).isEqualTo("MANUAL");
            assertThat(r.status()).as("%s", r).isEqualTo("FILLED");
        });
        assertThat(runs).extracting(RunRecord::clientOrderId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("zt-" + agentId + "-" + second.getEpochSecond() + "-[0-9a-f]{8}"));
        assertThat(runs).extracting(RunRecord::brokerOrderId).as("one broker order each").doesNotHaveDuplicates();
        assertThat(runs).allSatisfy(r -> assertThat(simulator.order(r.clientOrderId()))
                .hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(r.brokerOrderId())));
    }

    @Test
    void anotherOrderUnderTheRunsIdFailsTheRunAndAlertsAndNoFillIsRecorded() throws Exception {
        String agentId = "collide_" + (System.nanoTime() % 100_000);
        Instant fireTime = Instant.parse("2026-11-25T15:00:00Z");
        // another tool's ETH/USD $1 order, under the id this agent's run of that fire time will use
        String id = ClientOrderIds.of(agentId, fireTime);
        SimulatedOrder stranger = simulator.submit(id, "ETH/USD", "buy", null, BigDecimal.ONE, "gtc");
        double alertsBefore = collisionAlerts();
        String routeId = addRoute(agentId, null);
        try {
            trigger.fire(routeId, fireTime, RunTrigger.REPLAY);
        } finally {
            removeRoute(routeId);
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

    private void removeRoute(String routeId) throws Exception {
        camel.getRouteController().stopRoute(routeId);
        camel.removeRoute(routeId);
    }

    private double collisionAlerts() {
        return alerts.count("client-order-id-collision", "sent") + alerts.count("client-order-id-collision", "held_back");
    }

    /**
     * The real template with the live error handling, broker and records, fired by FiredTrigger; with a
     * {@code manualSecond}, every run is a manual run requested in that second. Small orders and a wide position
     * limit: the simulator's account and BTC position are shared by the context's tests.
     */
    private String addRoute(String agentId, Instant manualSecond) throws Exception {
        Map<String, Object> p = TestAgents.defaults("BTC/USD", "crypto");
        p.put("agentId", agentId);
        p.put("sentimentWeight", "0.9");
        p.put("technicalWeight", "0.1");
        if (manualSecond != null) {
            p.put("orderNotional", "10");
            p.put("maxPositionValue", "100000000");
        }
        AgentSettings agent = AgentSettings.fromParameters(p);
        AgentRuns runs = new AgentRuns(null) {
            @Override
            protected AgentSettings settingsOf(Exchange exchange) {
                return agent;
            }

            @Override
            public AgentRun start(Exchange exchange) {
                AgentRun run = super.start(exchange);
                return manualSecond == null ? run
                        : AgentRun.start(agent, RunTrigger.MANUAL, true, manualSecond, run.startedAt());
            }
        };
        p.put("trigger", FiredTrigger.SCHEME);
        // this route's own runs bean and a bullish sentiment, template-local: the live agents keep the live ones
        TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID).routeId(agentId).prefixId(agentId + ".")
                .parameters(p)
                .bean(AgentRuns.BEAN, runs)
                .bean("sentimentAnalyzer", new SentimentStep(a -> new SentimentReading(1, 1, List.of("test"), 3, null)))
                .add();
        if (!Objects.requireNonNull(camel.getRouteController().getRouteStatus(agentId)).isStarted()) {
            camel.getRouteController().startRoute(agentId);
        }
        return agentId;
    }
}
