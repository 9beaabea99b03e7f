package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunStatus;
import io.ztrade.broker.OrderSide;
import io.ztrade.market.MarketCalendar;
import io.ztrade.records.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A replay's beans are template-local to its route: they win over the live beans of the same name there (runs bean,
 * sentiment, risk), and the live agents keep the live beans.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayLocalBeansTest extends PipelineTestSupport {

    /** Technical only, a threshold of its own (the live test_stock's is 0.05), and more than $500 per order. */
    static final Map<String, String> OVERRIDES = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", "0",
            "threshold", "0.1", "barTimeframe", "5Min", "orderNotional", "1000");

    @Autowired
    ReplayEngine engine;
    @Autowired
    MarketCalendar calendar;

    @Test
    void aReplaysOwnBeansWinOnItsRouteAndTheLiveAgentKeepsTheLiveOnes() {
        Instant from = Instant.parse("2025-03-03T00:00:00Z");
        Instant to = Instant.parse("2025-03-08T00:00:00Z");
        AgentSettings settings = AgentSettings.fromParameters(engine.parameters("test_stock", OVERRIDES));
        PriceHistory history = new SyntheticHistory(calendar, 7, 250, 0.6, 0).load(settings, from.minus(Duration.ofDays(5)), to);

        // $500 of paper cash: the replay's risk bean (over its paper broker) refuses every $1000 BUY; the live one, over
        // the simulator's $100,000 account, would approve it
        ReplayResult result = engine.replay(new ReplayRequest("test_stock", OVERRIDES, from, to, history, Map.of(), null,
                new FillModel(0, 0, 0), 500, null), ReplayEngine.Progress.NONE);

        assertThat(result.runs()).isNotEmpty().allSatisfy(run -> {
            assertThat(run.agent().threshold()).as("the replay's runs bean: its own settings").isEqualTo(0.1);
            assertThat(run.sentiment().unavailable()).as("the replay's sentiment: no history, technical only").isTrue();
            assertThat(run.sentiment().unavailableReason()).contains("technical only");
        });
        assertThat(result.runs()).filteredOn(r -> r.risk() != null).isNotEmpty()
                .allSatisfy(run -> assertThat(run.status()).isEqualTo(RunStatus.REJECTED_BY_RISK));
        assertThat(result.runs()).filteredOn(r -> r.risk() != null && r.risk().side() == OrderSide.BUY).isNotEmpty()
                .allSatisfy(run -> assertThat(run.note()).contains("exceeds buying power 500.00"));
        assertThat(result.fills()).isEmpty();

        // the live agent, run now: the live sentiment (the bullish news stub), the live risk over the simulator
        RunRecord live = forcedRunInItsOwnSecond("test_crypto");
        assertThat(live.sentimentUnavailable()).isNull();
        assertThat(live.sentimentScore()).isPositive();
        assertThat(live.status()).isEqualTo("FILLED");
    }
}
