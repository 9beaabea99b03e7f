package io.ztrade.backtest;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.Instrument;
import io.ztrade.sentiment.SentimentAnalyzer;
import io.ztrade.sentiment.SentimentReading;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The replay's {@link SentimentAnalyzer}: the reading recorded at or before the simulated time (within
 * {@code maxAge}), from earlier live runs' records; none at all means "technical only", which the decision
 * treats as unavailable sentiment, as it does live.
 */
public final class ReplaySentiment implements SentimentAnalyzer {

    private final NavigableMap<Instant, SentimentReading> recorded;
    private final Duration maxAge;
    private final ReplayClock clock;

    public ReplaySentiment(Map<Instant, SentimentReading> recorded, Duration maxAge, ReplayClock clock) {
        this.recorded = new TreeMap<>(recorded);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** No sentiment history: every run decides on the technical signal alone. */
    public static ReplaySentiment technicalOnly(ReplayClock clock) {
        return new ReplaySentiment(Map.of(), Duration.ZERO, clock);
    }

    @Override
    public SentimentReading analyze(Instrument agent) {
        Instant now = clock.now();
        Map.Entry<Instant, SentimentReading> entry = recorded.floorEntry(now);
        if (entry == null || entry.getKey().isBefore(now.minus(maxAge))) {
            return SentimentReading.unavailable("replay", recorded.isEmpty() ? "technical only: no sentiment history"
                    : "no recorded sentiment within " + maxAge + " before " + now);
        }
        return entry.getValue();
    }

    /** The template's sentiment step, bound as the replay route's {@code sentimentBean}. */
    public AgentRun apply(AgentRun run) {
        AgentSettings agent = run.agent();
        return run.withSentiment(analyze(new Instrument(agent.agentId(), agent.symbol(), agent.assetClass())));
    }
}
