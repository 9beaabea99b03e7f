package io.ztrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.records.PerformanceStore;
import io.ztrade.records.RunRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded default as a newcomer starts it: the shipped routes/ (all agents), the simulator for every provider,
 * and a dry run of each agent right after start-up (its default ztrade.run-on-start, which the test profile turns off).
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/*.yaml",
        "ztrade.run-on-start=dry",
        "ztrade.alphavantage.base-url=",
        // properties named like the template's step beans ({{riskValidator:riskValidator}}...): the live agents
        // ignore them (AgentCatalog.STEP_BEANS), or they would route every run past risk
        "riskValidator=swappedStep", "sentimentAnalyzer=swappedStep", "technicalAnalyzer=swappedStep",
        "agentRuns=swappedStep"})
class ZtradeApplicationTest {

    /** What a property naming another bean would swap in: it records that it was called. */
    @TestConfiguration
    static class SwappedStep {
        static final List<String> CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Bean
        Object swappedStep() {
            return new Object() {
                public Object apply(Object body) {
                    CALLS.add("apply");
                    return body;
                }
            };
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    PerformanceStore store;

    @Test
    void everyShippedAgentStartsAndRunsOnceAtStartUp() {
        for (String agent : List.of("agent_tsla", "agent_iwm", "agent_btc")) {
            assertThat(camel.getRouteController().getRouteStatus(agent).isStarted()).as(agent).isTrue();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> store.latest(null, 10).stream()
                .map(RunRecord::agentId).collect(Collectors.toSet()).containsAll(Set.of("agent_tsla", "agent_iwm", "agent_btc")));

        List<RunRecord> runs = store.latest(null, 10);
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.trigger()).isEqualTo("STARTUP");
            assertThat(r.status()).as(r.agentId() + ": " + r.error()).isNotIn("FAILED", "RUNNING");
            assertThat(r.brokerOrderId()).as(r.agentId() + ": a start-up run places no order").isNull();
        });
        RunRecord btc = runs.stream().filter(r -> r.agentId().equals("agent_btc")).findFirst().orElseThrow();
        assertThat(btc.price()).as("crypto trades around the clock, so BTC is always analysed").isPositive();
        assertThat(btc.decision()).isNotNull();
        assertThat(SwappedStep.CALLS).as("a bean a property named was called").isEmpty();
    }
}
