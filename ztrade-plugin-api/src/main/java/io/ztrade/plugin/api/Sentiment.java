package io.ztrade.plugin.api;

import java.util.List;

/**
 * What a {@link SentimentFeed} read.
 *
 * @param score             in [-1, 1]; 0 when unavailable
 * @param confidence        in [0, 1]; 0 when unavailable
 * @param sources           where it came from (shown in the run's record)
 * @param articles          how many articles or posts it read
 * @param unavailableReason why there is no reading, or null when there is one
 */
public record Sentiment(double score, double confidence, List<String> sources, int articles, String unavailableReason) {

    public Sentiment {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static Sentiment of(double score, double confidence, String source) {
        return new Sentiment(score, confidence, List.of(source), 0, null);
    }

    public static Sentiment unavailable(String source, String reason) {
        return new Sentiment(0, 0, List.of(source), 0, reason);
    }

    public boolean isUnavailable() {
        return unavailableReason != null;
    }
}
