package io.ztrade.sentiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the news said about a symbol.
 *
 * @param score             sentiment in [-1, 1]; 0 when unavailable
 * @param confidence        in [0, 1]; 0 when unavailable
 * @param sources           which sources contributed (alphavantage, reddit, ...)
 * @param articles          how many articles or posts mentioned the symbol
 * @param unavailableReason why there is no reading (quota note, outage); null when there is one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SentimentReading(double score, double confidence, List<String> sources, int articles,
                               String unavailableReason) {

    public static SentimentReading unavailable(String source, String reason) {
        return new SentimentReading(0, 0, List.of(source), 0, reason);
    }

    public boolean unavailable() {
        return unavailableReason != null;
    }
}
