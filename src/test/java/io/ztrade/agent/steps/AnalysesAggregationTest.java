package io.ztrade.agent.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysesAggregationTest {

    final AnalysesAggregation aggregation = new AnalysesAggregation();
    final AgentRun run = AgentRun.start(TestAgents.agent("BTC/USD", "crypto"), RunTrigger.SCHEDULE, false, Instant.EPOCH,
            Instant.EPOCH);
    final SentimentReading sentiment = new SentimentReading(0.3, 0.5, List.of("test"), 2, null);
    final TechnicalSignal technical = new TechnicalSignal(-0.2, 0.4, Map.of(), null);

    @Test
    void joinsEachBranchsOwnPartInEitherOrder() {
        AgentRun a = aggregation.merge(run.withSentiment(sentiment), run.withTechnical(technical));
        AgentRun b = aggregation.merge(run.withTechnical(technical), run.withSentiment(sentiment));

        assertThat(a.sentiment()).isEqualTo(sentiment);
        assertThat(a.technical()).isEqualTo(technical);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aJoinWithoutTheTechnicalSignalFailsThereNamingIt() {
        // a technical branch that failed returns the run it was given, unchanged
        assertThatThrownBy(() -> aggregation.merge(run.withSentiment(sentiment), run))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run " + run.runId()).hasMessageContaining("without its technical signal");
        assertThatThrownBy(() -> aggregation.merge(run, run.withTechnical(technical)))
                .hasMessageContaining("without its sentiment reading");
    }
}
