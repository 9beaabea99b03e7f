package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class AgentRunsTest {

    final AgentSettings agent = TestAgents.agent("BTC/USD", "crypto");
    final AgentRuns runs = new AgentRuns(null) {
        @Override
        protected AgentSettings settingsOf(Exchange exchange) {
            return agent;
        }
    };

    @Test
    void aManualRunTakesTheRunIdItsRequestChoseSoARecoveredRunKeepsItsOrderId() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getIn().setHeader("scheduledFireTime", Date.from(Instant.parse("2026-11-25T15:00:00.400Z")));
            exchange.getIn().setHeader("mergedJobDataMap", Map.of(AgentRuns.TRIGGER_KEY, "MANUAL", AgentRuns.FORCE_KEY, "true",
                    AgentRuns.RUN_ID_KEY, "3f2a9c1d-0000-4000-8000-000000000042"));

            AgentRun first = runs.start(exchange);
            AgentRun recovered = runs.start(exchange);

            assertThat(first.runId()).isEqualTo("3f2a9c1d-0000-4000-8000-000000000042");
            assertThat(first.clientOrderId()).isEqualTo("zt-agent_x-1795618800-3f2a9c1d").isEqualTo(recovered.clientOrderId());
        }
    }

    @Test
    void aScheduledRunHasAFreshRunIdAndTheFireTimesOrderId() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getIn().setHeader("scheduledFireTime", Date.from(Instant.parse("2026-11-25T15:00:00Z")));

            AgentRun a = runs.start(exchange);
            AgentRun b = runs.start(exchange);

            assertThat(a.runId()).isNotEqualTo(b.runId());
            assertThat(a.clientOrderId()).isEqualTo("zt-agent_x-1795618800").isEqualTo(b.clientOrderId());
        }
    }
}
