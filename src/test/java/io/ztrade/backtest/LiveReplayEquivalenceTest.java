package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.records.RunRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Live runs of a test agent (simulator prices, stubbed news) are recorded; replaying the recorded inputs - their bars,
 * prices and sentiment, at their fire times - through the replay route gives the same analyses and decisions.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveReplayEquivalenceTest extends PipelineTestSupport {

    @Autowired
    AgentScheduler scheduler;
    @Autowired
    Backtests backtests;
    @Autowired
    ReplayEngine engine;

    @Test
    void replayingRecordedLiveInputsGivesTheSameDecisionsAsLive() {
        for (int i = 1; i <= 4; i++) {
            scheduler.runNow("test_crypto", RunTrigger.MANUAL, false);
            awaitRuns("test_crypto", i);
        }
        List<RunRecord> live = runsSinceTestStart("test_crypto");
        assertThat(live).hasSize(4).allSatisfy(r -> assertThat(r.decision()).isNotNull());

        LocalDate today = LocalDate.now(io.ztrade.market.MarketCalendar.NEW_YORK);
        PreparedBacktest prepared = backtests.prepare(BacktestSpec.of("test_crypto", today.minusDays(1).toString(),
                today.plusDays(1).toString(), "recorded"));
        // a backtest keeps only counts; this compares run by run
        ReplayResult replay = engine.replay(prepared.requests().get(0).keepingRuns(), ReplayEngine.Progress.NONE);

        Map<java.time.Instant, AgentRun> replayed = replay.runs().stream()
                .collect(Collectors.toMap(AgentRun::scheduledAt, Function.identity()));
        for (RunRecord l : live) {
            AgentRun r = replayed.get(l.scheduledAt());
            assertThat(r).as("replay of the live run at %s", l.scheduledAt()).isNotNull();
            assertThat(r.trigger()).isEqualTo(RunTrigger.REPLAY);
            assertThat(r.market().price()).isEqualTo(l.price());
            assertThat(r.sentiment().score()).isEqualTo(l.sentimentScore());
            assertThat(r.technical().signal()).isEqualTo(l.technicalSignal());
            assertThat(r.decision().action().name()).isEqualTo(l.decision());
            assertThat(r.decision().score()).isEqualTo(l.decisionScore());
            assertThat(r.decision().rationale()).isEqualTo(l.rationale());
        }
    }
}
