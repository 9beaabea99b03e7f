package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.ztrade.PipelineTestSupport;
import io.ztrade.management.AgentScheduler;
import io.ztrade.performance.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Concurrency and failure behaviour of the real agent routes, fired through their real Quartz jobs. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.allow-bean-definition-overriding=true")
@Import(InstrumentedStages.class)
class AgentRunControlTest extends PipelineTestSupport {

    @Autowired
    AgentScheduler scheduler;

    @BeforeEach
    @AfterEach
    void reset() {
        InstrumentedStages.reset();
        // an outage test opens the provider's breaker; the next test starts with it closed
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void sentimentAndTechnicalAnalysesRunAtTheSameTime() {
        InstrumentedStages.analysesMustMeet = true;

        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);

        RunRecord run = awaitRun("test_crypto", r -> true);
        assertThat(run.status()).as("each analysis waits for the other; run in sequence they would time out: %s", run.error())
                .isEqualTo("FILLED");
        Map<String, StepTiming> steps = run.stepTimings().stream().collect(Collectors.toMap(StepTiming::step, t -> t));
        StepTiming sentiment = steps.get("sentiment");
        StepTiming technical = steps.get("technical");
        assertThat(sentiment.startMs()).isLessThan(technical.startMs() + technical.durationMs());
        assertThat(technical.startMs()).isLessThan(sentiment.startMs() + sentiment.durationMs());
    }

    @Test
    void aFailingProviderIsRedeliveredExactlyTwiceThenTheRunIsRecordedFailed() {
        InstrumentedStages.mode = InstrumentedStages.Mode.FAIL;

        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);

        RunRecord run = awaitRun("test_crypto", r -> "FAILED".equals(r.status()));
        assertThat(InstrumentedStages.marketDataCalls).hasValue(3);
        assertThat(run.error()).contains("ProviderUnavailableException")
                .contains("market data simulated outage for BTC/USD");
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.decision()).isNull();
        assertThat(run.clientOrderId()).isNull();
    }

    @Test
    void aStatefulTriggerNeverOverlapsItself() {
        InstrumentedStages.mode = InstrumentedStages.Mode.SLOW;

        for (int i = 0; i < 3; i++) {
            scheduler.runNow("test_stock", RunTrigger.MANUAL, true);
        }

        List<RunRecord> runs = awaitRuns("test_stock", 3);
        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.status()).isNotEqualTo("FAILED"));
        assertThat(InstrumentedStages.marketDataCalls).hasValue(3);
        assertThat(InstrumentedStages.maxRunning).as("runs of one agent at the same time").hasValue(1);
        for (int i = 1; i < runs.size(); i++) {
            RunRecord later = runs.get(i - 1);
            RunRecord earlier = runs.get(i);
            assertThat(later.startedAt()).as("a run starts only after the previous one finished")
                    .isAfterOrEqualTo(earlier.finishedAt());
        }
    }
}
