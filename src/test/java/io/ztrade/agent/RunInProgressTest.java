package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The template's gates let a run that is still going through, and stop one that has ended (however it ended). */
class RunInProgressTest {

    @Test
    void passesARunStillGoingAndStopsAnEndedOne() {
        AgentSettings agent = TestAgents.agent("TSLA", "us_equity");
        AgentRun going = AgentRun.start(agent, RunTrigger.MANUAL, false, Instant.parse("2025-03-03T15:00:00Z"),
                Instant.parse("2025-03-03T15:00:01Z"));
        RunInProgress gate = new RunInProgress();

        assertThat(gate.matches(exchangeOf(going))).isTrue();
        assertThat(gate.matches(exchangeOf(going.finish(RunStatus.SKIPPED_MARKET_CLOSED, "closed")))).isFalse();
        assertThat(gate.matches(exchangeOf(going.finish(RunStatus.HOLD, "hold")))).isFalse();
    }

    private static Exchange exchangeOf(AgentRun run) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(run);
        return exchange;
    }
}
