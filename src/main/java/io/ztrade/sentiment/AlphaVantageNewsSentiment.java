package io.ztrade.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.market.AssetClass;
import io.ztrade.market.Instrument;
import io.ztrade.provider.AlphaVantageProperties;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.ProviderCache;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Alpha Vantage NEWS_SENTIMENT (or the simulator's copy of it). Score: the relevance-weighted mean of the
 * ticker's sentiment scores. Confidence: coverage (articles / 10, at most 1) x mean relevance x agreement
 * (1 - the weighted spread of scores / 0.35, the width of one label band). A throttle answer ("Note" or
 * "Information", still HTTP 200) is an unavailable reading, never a neutral one, and is not cached.
 */
@Component
public class AlphaVantageNewsSentiment implements SentimentSource {

    static final double BAND = 0.35;

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    private final AlphaVantageProperties properties;
    private final ObjectMapper mapper;
    private final CachedReadings cache;

    public AlphaVantageNewsSentiment(ProviderHttp http, ProviderEndpoints endpoints, AlphaVantageProperties properties,
                                     ObjectMapper mapper, ProviderCache cache) {
        this.http = http;
        this.endpoints = endpoints;
        this.properties = properties;
        this.mapper = mapper;
        this.cache = new CachedReadings(cache, mapper);
    }

    @Override
    public String name() {
        return "alphavantage";
    }

    @Override
    public SentimentReading read(Instrument agent) {
        Optional<String> base = endpoints.alphaVantageBase();
        if (base.isEmpty()) {
            return SentimentReading.unavailable(name(), "ALPHAVANTAGE_API_KEY is not set");
        }
        String ticker = tickerOf(agent);
        String cacheKey = "alphavantage:" + ticker;
        Optional<SentimentReading> cached = cache.get(cacheKey);
        if (cached.isPresent()) {
            return cached.get();
        }
        String url = base.get() + "/query?function=NEWS_SENTIMENT&tickers=" + URLEncoder.encode(ticker, StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(properties.hasKey() ? properties.apiKey() : "demo", StandardCharsets.UTF_8);
        HttpReply reply = http.get(url, Map.of("Accept", "application/json"));
        if (!reply.ok()) {
            return SentimentReading.unavailable(name(), reply.target() + " answered HTTP " + reply.status());
        }
        SentimentReading reading = interpret(ticker, reply.json(mapper), reply.target());
        cache.putIfAvailable(cacheKey, reading, properties.cacheTtl());
        return reading;
    }

    /** Alpha Vantage writes crypto tickers as CRYPTO:BTC. */
    static String tickerOf(Instrument agent) {
        if (agent.assetClass() == AssetClass.CRYPTO) {
            return "CRYPTO:" + agent.symbol().split("/")[0];
        }
        return agent.symbol();
    }

    SentimentReading interpret(String ticker, JsonNode body, String target) {
        for (String throttle : List.of("Note", "Information", "Error Message")) {
            if (body.hasNonNull(throttle)) {
                return SentimentReading.unavailable(name(), target + " said: " + body.get(throttle).asText());
            }
        }
        JsonNode feed = body.get("feed");
        if (feed == null || !feed.isArray()) {
            throw new ProviderDataException(target + " answered without a 'feed' array");
        }
        double weightSum = 0;
        double weightedScore = 0;
        double relevanceSum = 0;
        int articles = 0;
        double[][] scored = new double[feed.size()][];
        for (JsonNode article : feed) {
            for (JsonNode mention : article.path("ticker_sentiment")) {
                if (ticker.equalsIgnoreCase(mention.path("ticker").asText())) {
                    double relevance = number(mention, "relevance_score", target);
                    double score = number(mention, "ticker_sentiment_score", target);
                    scored[articles++] = new double[] {score, relevance};
                    weightSum += relevance;
                    weightedScore += relevance * score;
                    relevanceSum += relevance;
                }
            }
        }
        if (articles == 0 || weightSum == 0) {
            return SentimentReading.unavailable(name(), "no recent article mentions " + ticker);
        }
        double mean = weightedScore / weightSum;
        double variance = 0;
        for (int i = 0; i < articles; i++) {
            variance += scored[i][1] * Math.pow(scored[i][0] - mean, 2);
        }
        double spread = Math.sqrt(variance / weightSum);
        double coverage = Math.min(1.0, articles / 10.0);
        double agreement = Math.max(0, 1 - spread / BAND);
        double confidence = coverage * (relevanceSum / articles) * agreement;
        return new SentimentReading(clamp(mean), clamp01(confidence), List.of(name()), articles, null);
    }

    /** The per-ticker numbers come as strings; anything that is not a finite number is bad data. */
    private static double number(JsonNode node, String field, String target) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ProviderDataException(target + " sent an article without '" + field + "'");
        }
        try {
            double parsed = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ProviderDataException(target + " sent '" + field + "' = '" + value.asText() + "', not a number");
        }
    }

    private static double clamp(double value) {
        return Math.max(-1, Math.min(1, value));
    }

    private static double clamp01(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
