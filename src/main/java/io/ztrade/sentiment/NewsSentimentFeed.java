package io.ztrade.sentiment;

import io.ztrade.market.AssetClass;
import io.ztrade.market.Instrument;
import io.ztrade.plugin.api.Sentiment;
import io.ztrade.plugin.api.SentimentFeed;
import io.ztrade.plugin.api.Settings;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Ztrade's own sentiment through the plugin API ({@code sentimentFeed: news}, the default): every configured source
 * (Alpha Vantage news, Reddit, or the simulator) through {@link SentimentAnalyzer}. The sentiment step calls the
 * analyzer directly for this name; a backtest replays the recorded readings of it.
 */
@Component
public class NewsSentimentFeed implements SentimentFeed {

    public static final String NAME = "news";

    private final SentimentAnalyzer analyzer;

    public NewsSentimentFeed(SentimentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "built-in";
    }

    @Override
    public String description() {
        return "news and social sentiment of every configured source (Alpha Vantage, Reddit, or the simulator)";
    }

    @Override
    public Sentiment sentiment(String symbol, Instant at, Settings settings) {
        SentimentReading r = analyzer.analyze(new Instrument(settings.agentId(), symbol,
                AssetClass.fromAlpacaName(settings.text("assetClass"))));
        return new Sentiment(r.score(), r.confidence(), r.sources(), r.articles(), r.unavailableReason());
    }
}
