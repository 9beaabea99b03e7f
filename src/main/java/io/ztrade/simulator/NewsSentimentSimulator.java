package io.ztrade.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alpha Vantage's NEWS_SENTIMENT, synthesised: a handful of headlines per ticker and quarter hour, their
 * scores leaning with the simulated price's last two hours (news follows the tape) plus noise. Per-ticker
 * numbers are strings, as Alpha Vantage sends them.
 */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/simulator/alphavantage")
class NewsSentimentSimulator {

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final String[] TOPICS = {"earnings", "guidance", "analyst notes", "deliveries", "rates outlook",
            "fund flows", "regulation", "a product launch"};

    private final SimulatedMarket market;
    private final long seed;

    NewsSentimentSimulator(SimulatedMarket market, SimulatorProperties properties) {
        this.market = market;
        this.seed = properties.seed();
    }

    @GetMapping("/query")
    Map<String, Object> query(@RequestParam String function, @RequestParam(required = false) String tickers) {
        if (!"NEWS_SENTIMENT".equals(function) || tickers == null) {
            return Map.of("Error Message", "the simulator serves function=NEWS_SENTIMENT with tickers only");
        }
        String ticker = tickers.split(",")[0];
        String symbol = ticker.startsWith("CRYPTO:") ? ticker.substring(7) + "/USD" : ticker;
        Instant now = Instant.now();
        long quarterHour = now.getEpochSecond() / 900;
        Random random = new Random(seed ^ ticker.hashCode() ^ quarterHour);
        double momentum = Math.log(market.priceAt(symbol, now) / market.priceAt(symbol, now.minus(Duration.ofHours(2))));
        double lean = Math.max(-0.4, Math.min(0.4, momentum * 60));
        int articles = 3 + random.nextInt(6);
        List<Map<String, Object>> feed = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            double score = Math.max(-1, Math.min(1, lean + random.nextGaussian() * 0.15));
            double relevance = 0.3 + random.nextDouble() * 0.6;
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            Map<String, Object> article = new LinkedHashMap<>();
            article.put("title", symbol + (score >= 0 ? " gains" : " slips") + " as traders weigh " + topic);
            article.put("url", "http://simulator.local/news/" + ticker + "/" + quarterHour + "/" + i);
            article.put("time_published", PUBLISHED.format(now.minus(Duration.ofMinutes(random.nextInt(240)))));
            article.put("summary", "Synthetic headline from the Ztrade market simulator.");
            article.put("source", "Ztrade Simulator");
            article.put("overall_sentiment_score", round(score * 0.8));
            article.put("overall_sentiment_label", label(score));
            article.put("ticker_sentiment", List.of(Map.of(
                    "ticker", ticker,
                    "relevance_score", String.format(Locale.ROOT, "%.6f", relevance),
                    "ticker_sentiment_score", String.format(Locale.ROOT, "%.6f", score),
                    "ticker_sentiment_label", label(score))));
            feed.add(article);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", String.valueOf(articles));
        body.put("sentiment_score_definition", "x <= -0.35: Bearish; -0.35 < x <= -0.15: Somewhat-Bearish; "
                + "-0.15 < x < 0.15: Neutral; 0.15 <= x < 0.35: Somewhat_Bullish; x >= 0.35: Bullish");
        body.put("relevance_score_definition", "0 < x <= 1, with a higher score indicating higher relevance.");
        body.put("feed", feed);
        return body;
    }

    static String label(double x) {
        if (x <= -0.35) {
            return "Bearish";
        }
        if (x <= -0.15) {
            return "Somewhat-Bearish";
        }
        if (x < 0.15) {
            return "Neutral";
        }
        return x < 0.35 ? "Somewhat-Bullish" : "Bullish";
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
