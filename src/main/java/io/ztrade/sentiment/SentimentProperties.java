package io.ztrade.sentiment;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the sentiment sources are combined.
 *
 * @param sourceWeights each source's weight by name (alphavantage, reddit); a reading counts with its source's weight
 *                      times its own confidence. Missing names weigh 1. Defaults: alphavantage 1.0 (curated news,
 *                      relevance-scored per ticker), reddit 0.5 (noisier crowd posts, lexicon-scored)
 */
@ConfigurationProperties("ztrade.sentiment")
public record SentimentProperties(Map<String, Double> sourceWeights) {

    static final Map<String, Double> DEFAULT_WEIGHTS = Map.of("alphavantage", 1.0, "reddit", 0.5);

    public SentimentProperties {
        // the defaults hold for every source a setting leaves out
        Map<String, Double> weights = new java.util.HashMap<>(DEFAULT_WEIGHTS);
        if (sourceWeights != null) {
            weights.putAll(sourceWeights);
        }
        weights.forEach((name, weight) -> {
            if (weight == null || !(weight >= 0)) {
                throw new IllegalArgumentException("ztrade.sentiment.source-weights." + name + " must be 0 or more, got " + weight);
            }
        });
        sourceWeights = Map.copyOf(weights);
    }

    public double weightOf(String source) {
        return sourceWeights.getOrDefault(source, 1.0);
    }
}
