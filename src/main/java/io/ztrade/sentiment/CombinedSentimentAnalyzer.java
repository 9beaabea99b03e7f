package io.ztrade.sentiment;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ztrade.market.Instrument;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Combines the enabled sources. Each available reading counts with weight w = source weight x its confidence
 * ({@link SentimentProperties}: Alpha Vantage 1.0, Reddit 0.5 by default): score = sum(w x score) / sum(w), confidence
 * = sum(w x confidence) / sum(w). An unavailable source (throttled, no keys, outage) counts not at all; all
 * unavailable means the reading is unavailable and the run goes on degraded, on the technical signal alone. Each
 * source is called through its provider's circuit breaker (named as the source), so an outage costs one quick
 * "circuit open" per run rather than a timeout.
 */
@Component
public class CombinedSentimentAnalyzer implements SentimentAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(CombinedSentimentAnalyzer.class);

    private final List<SentimentSource> sources;
    private final SentimentProperties properties;
    private final CircuitBreakerRegistry breakers;

    public CombinedSentimentAnalyzer(List<SentimentSource> sources, SentimentProperties properties,
                                     CircuitBreakerRegistry breakers) {
        this.sources = sources.stream().filter(SentimentSource::enabled).toList();
        this.properties = properties;
        this.breakers = breakers;
        LOG.info("Sentiment sources: {}", this.sources.stream()
                .map(s -> s.name() + " (weight " + properties.weightOf(s.name()) + ")").toList());
    }

    @Override
    public SentimentReading analyze(Instrument agent) {
        List<SentimentReading> available = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (SentimentSource source : sources) {
            SentimentReading reading = readSafely(source, agent);
            if (reading.unavailable()) {
                unavailable.add(source.name() + ": " + reading.unavailableReason());
            } else {
                available.add(reading);
            }
        }
        double weights = 0;
        double score = 0;
        double confidence = 0;
        for (SentimentReading reading : available) {
            double w = reading.sources().stream().mapToDouble(properties::weightOf).max().orElse(1.0) * reading.confidence();
            weights += w;
            score += w * reading.score();
            confidence += w * reading.confidence();
        }
        if (available.isEmpty() || weights == 0) {
            String why = unavailable.isEmpty() ? "no source mentioned " + agent.symbol() : String.join("; ", unavailable);
            return new SentimentReading(0, 0, sources.stream().map(SentimentSource::name).toList(),
                    available.stream().mapToInt(SentimentReading::articles).sum(), why);
        }
        return new SentimentReading(score / weights, confidence / weights,
                available.stream().flatMap(r -> r.sources().stream()).toList(),
                available.stream().mapToInt(SentimentReading::articles).sum(), null);
    }

    /** A source's outage degrades the run; it never fails it. */
    private SentimentReading readSafely(SentimentSource source, Instrument agent) {
        try {
            return breakers.circuitBreaker(source.name()).executeSupplier(() -> source.read(agent));
        } catch (CallNotPermittedException open) {
            return SentimentReading.unavailable(source.name(), "circuit breaker open after repeated failures of "
                    + source.name() + "; retried automatically later");
        } catch (RuntimeException e) {
            LOG.warn("agent {}: sentiment source {} failed ({}); the run goes on without it", agent.agentId(), source.name(),
                    e.getMessage());
            return SentimentReading.unavailable(source.name(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
