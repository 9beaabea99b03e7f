package io.ztrade.backtest;

import io.ztrade.sentiment.SentimentReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One replay of one agent.
 *
 * @param agentId         a live agent; its template parameters are the replay's, with {@code overrides} on top
 * @param overrides       template parameters to change for this replay (threshold, sentimentWeight, ...)
 * @param from            first fire time considered (inclusive)
 * @param to              end of the replay (exclusive)
 * @param history         the bars; a run sees only those complete at its fire time
 * @param sentiment       recorded sentiment by time; empty for technical only
 * @param sentimentMaxAge how old a recorded reading may be and still count
 * @param fills           commission and slippage of the paper broker
 * @param startingCash    dollars in the paper account at the start
 * @param fireTimes       the fire times to replay; null to take every cron time in the market calendar
 * @param keepRuns        whether the result keeps every run (a backtest keeps only counts and the equity curve)
 */
public record ReplayRequest(String agentId, Map<String, String> overrides, Instant from, Instant to, MarketHistory history,
                            Map<Instant, SentimentReading> sentiment, Duration sentimentMaxAge, FillModel fills,
                            double startingCash, List<Instant> fireTimes, boolean keepRuns) {

    /** A replay that keeps every run. */
    public ReplayRequest(String agentId, Map<String, String> overrides, Instant from, Instant to, MarketHistory history,
                         Map<Instant, SentimentReading> sentiment, Duration sentimentMaxAge, FillModel fills,
                         double startingCash, List<Instant> fireTimes) {
        this(agentId, overrides, from, to, history, sentiment, sentimentMaxAge, fills, startingCash, fireTimes, true);
    }

    public ReplayRequest {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        sentiment = sentiment == null ? Map.of() : Map.copyOf(sentiment);
        sentimentMaxAge = sentimentMaxAge == null ? Duration.ofHours(1) : sentimentMaxAge;
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("replay of " + agentId + ": 'from' " + from + " must be before 'to' " + to);
        }
        if (!(startingCash > 0) || Double.isInfinite(startingCash)) {
            throw new IllegalArgumentException("replay of " + agentId + ": starting cash must be a positive number of dollars, got "
                    + startingCash);
        }
    }

    /** The same replay, keeping every run (to compare them run by run). */
    public ReplayRequest keepingRuns() {
        return new ReplayRequest(agentId, overrides, from, to, history, sentiment, sentimentMaxAge, fills, startingCash,
                fireTimes, true);
    }
}
