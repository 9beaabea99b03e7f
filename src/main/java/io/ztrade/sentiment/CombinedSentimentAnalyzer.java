package io.ztrade.sentiment;

import io.ztrade.agent.AgentSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Combines the available sources, each weighted by its own confidence: a source that knows more counts
 * more, and an unavailable one counts not at all. All unavailable means the reading is unavailable.
 */
@Component("sentimentAnalyzer")
public class CombinedSentimentAnalyzer implements SentimentAnalyzer {

    private final List<SentimentSource> sources;

    public CombinedSentimentAnalyzer(List<SentimentSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public SentimentReading analyze(AgentSettings agent) {
        List<SentimentReading> available = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (SentimentSource source : sources) {
            SentimentReading reading = source.read(agent);
            if (reading.unavailable()) {
                unavailable.add(source.name() + ": " + reading.unavailableReason());
            } else {
                available.add(reading);
            }
        }
        double weights = available.stream().mapToDouble(SentimentReading::confidence).sum();
        if (available.isEmpty() || weights == 0) {
            String why = unavailable.isEmpty() ? "no source mentioned " + agent.symbol() : String.join("; ", unavailable);
            return new SentimentReading(0, 0, sources.stream().map(SentimentSource::name).toList(),
                    available.stream().mapToInt(SentimentReading::articles).sum(), why);
        }
        double score = available.stream().mapToDouble(r -> r.score() * r.confidence()).sum() / weights;
        double confidence = available.stream().mapToDouble(r -> r.confidence() * r.confidence()).sum() / weights;
        return new SentimentReading(score, confidence,
                available.stream().flatMap(r -> r.sources().stream()).toList(),
                available.stream().mapToInt(SentimentReading::articles).sum(), null);
    }
}
