package io.ztrade.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.market.AssetClass;
import io.ztrade.market.Instrument;
import io.ztrade.provider.ProviderUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CombinedSentimentAnalyzerTest {

    static final Instrument TSLA = new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY);
    static final SentimentProperties WEIGHTS = new SentimentProperties(Map.of("alphavantage", 1.0, "reddit", 0.5));

    static SentimentSource source(String name, boolean enabled, Function<Instrument, SentimentReading> read) {
        return new SentimentSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public SentimentReading read(Instrument agent) {
                return read.apply(agent);
            }
        };
    }

    @Test
    void weighsEachReadingBySourceWeightTimesConfidence() {
        CombinedSentimentAnalyzer combined = new CombinedSentimentAnalyzer(List.of(
                source("alphavantage", true, a -> new SentimentReading(0.6, 0.8, List.of("alphavantage"), 10, null)),
                source("reddit", true, a -> new SentimentReading(-0.4, 0.4, List.of("reddit"), 20, null))), WEIGHTS, io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults());

        SentimentReading reading = combined.analyze(TSLA);

        // w = 1.0 x 0.8 = 0.8 and 0.5 x 0.4 = 0.2: (0.8 x 0.6 + 0.2 x -0.4) / 1.0 = 0.4; confidence (0.8 x 0.8 + 0.2 x 0.4) = 0.72
        assertThat(reading.score()).isCloseTo(0.4, within(1e-9));
        assertThat(reading.confidence()).isCloseTo(0.72, within(1e-9));
        assertThat(reading.sources()).containsExactly("alphavantage", "reddit");
        assertThat(reading.articles()).isEqualTo(30);
    }

    @Test
    void anOutageOfOneSourceLeavesTheOther() {
        CombinedSentimentAnalyzer combined = new CombinedSentimentAnalyzer(List.of(
                source("alphavantage", true, a -> {
                    throw new ProviderUnavailableException("www.alphavantage.co/query answered HTTP 503");
                }),
                source("reddit", true, a -> new SentimentReading(0.3, 0.5, List.of("reddit"), 12, null))), WEIGHTS, io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults());

        SentimentReading reading = combined.analyze(TSLA);

        assertThat(reading.unavailable()).isFalse();
        assertThat(reading.score()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void allUnavailableIsUnavailableWithEveryReasonAndDisabledSourcesAreLeftOut() {
        CombinedSentimentAnalyzer combined = new CombinedSentimentAnalyzer(List.of(
                source("alphavantage", true, a -> SentimentReading.unavailable("alphavantage", "said: Note: 25 calls per day")),
                source("reddit", false, a -> {
                    throw new AssertionError("a disabled source is never read");
                })), WEIGHTS, io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults());

        SentimentReading reading = combined.analyze(TSLA);

        assertThat(reading.unavailable()).isTrue();
        assertThat(reading.unavailableReason()).isEqualTo("alphavantage: said: Note: 25 calls per day");
        assertThat(reading.score()).isZero();
    }

    @Test
    void aSourceThatKeepsFailingIsCutOffByItsCircuitBreaker() {
        int[] calls = {0};
        io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers = io.github.resilience4j.circuitbreaker
                .CircuitBreakerRegistry.of(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                        .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                        .waitDurationInOpenState(java.time.Duration.ofHours(1)).build());
        CombinedSentimentAnalyzer combined = new CombinedSentimentAnalyzer(List.of(source("alphavantage", true, a -> {
            calls[0]++;
            throw new ProviderUnavailableException("www.alphavantage.co/query failed: Read timed out");
        })), WEIGHTS, breakers);

        for (int i = 0; i < 10; i++) {
            assertThat(combined.analyze(TSLA).unavailable()).isTrue();
        }

        assertThat(calls[0]).isEqualTo(4);
        assertThat(combined.analyze(TSLA).unavailableReason()).contains("circuit breaker open");
    }
}
