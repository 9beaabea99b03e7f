package io.ztrade.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentSettings;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightedDecisionPolicyTest {

    private final WeightedDecisionPolicy policy = new WeightedDecisionPolicy();

    static AgentSettings agent(double sentimentWeight, double technicalWeight, double threshold) {
        Map<String, Object> p = io.ztrade.agent.TestAgents.defaults("TSLA", "us_equity");
        p.putAll(Map.of("agentId", "agent_test", "sentimentWeight", String.valueOf(sentimentWeight),
                "technicalWeight", String.valueOf(technicalWeight), "threshold", String.valueOf(threshold)));
        return AgentSettings.fromParameters(p);
    }

    static SentimentReading sentiment(double score) {
        return new SentimentReading(score, 0.8, List.of("alphavantage"), 5, null);
    }

    static TechnicalSignal technical(double signal) {
        return new TechnicalSignal(signal, 0.5, Map.of(), null);
    }

    @ParameterizedTest(name = "sentiment {0}, technical {1} -> score {2} -> {3}")
    @CsvSource({
            // the 60/40 weighting
            "1.0,   1.0,   1.0,    BUY",
            "-1.0, -1.0,  -1.0,    SELL",
            "0.5,  -0.5,   0.1,    HOLD",
            "0.5,   0.0,   0.3,    BUY",
            "0.0,   0.5,   0.2,    BUY",
            "0.0,  -0.5,  -0.2,    SELL",
            // around the default threshold 0.15: just under, at (holds), just over
            "0.25,  0.0,   0.15,   HOLD",
            "0.2499, 0.0,  0.14994, HOLD",
            "0.2501, 0.0,  0.15006, BUY",
            "-0.25, 0.0,  -0.15,   HOLD",
            "-0.2501, 0.0, -0.15006, SELL",
    })
    void weighsSentimentSixtyAndTechnicalForty(double s, double t, double expectedScore, TradeAction expected) {
        TradeDecision decision = policy.decide(sentiment(s), technical(t), agent(0.6, 0.4, 0.15));

        assertThat(decision.score()).isCloseTo(expectedScore, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decision.action()).isEqualTo(expected);
    }

    @Test
    void weightsAndThresholdComeFromTheAgent() {
        TradeDecision decision = policy.decide(sentiment(0.1), technical(1.0), agent(0.2, 0.8, 0.5));

        assertThat(decision.score()).isCloseTo(0.82, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decision.action()).isEqualTo(TradeAction.BUY);
        assertThat(policy.decide(sentiment(0.1), technical(1.0), agent(0.2, 0.8, 0.9)).action()).isEqualTo(TradeAction.HOLD);
    }

    @Test
    void unavailableSentimentCountsAsZeroAndSaysSo() {
        SentimentReading unavailable = SentimentReading.unavailable("alphavantage", "quota reached");

        TradeDecision decision = policy.decide(unavailable, technical(0.5), agent(0.6, 0.4, 0.15));

        assertThat(decision.score()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decision.action()).isEqualTo(TradeAction.BUY);
        assertThat(decision.confidence()).isCloseTo(0.4 * 0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decision.rationale()).contains("unavailable");
    }

    @Test
    void rationaleIsASentenceWithTheNumbers() {
        TradeDecision decision = policy.decide(sentiment(0.5), technical(-0.25), agent(0.6, 0.4, 0.15));

        assertThat(decision.rationale())
                .isEqualTo("BUY: score +0.200 = 0.60 x sentiment +0.500 + 0.40 x technical -0.250; threshold +/-0.150");
        assertThat(decision.action()).isEqualTo(TradeAction.BUY);
        assertThat(decision.confidence()).isCloseTo(0.6 * 0.8 + 0.4 * 0.5, org.assertj.core.data.Offset.offset(1e-9));
    }
}
