package io.ztrade.plugins;

import io.ztrade.plugin.api.Decision;
import io.ztrade.plugin.api.DecisionInput;
import io.ztrade.plugin.api.DecisionRule;
import io.ztrade.plugin.api.Market;
import io.ztrade.plugin.api.Sentiment;
import io.ztrade.plugin.api.SentimentFeed;
import io.ztrade.plugin.api.Settings;
import io.ztrade.plugin.api.Signal;
import io.ztrade.plugin.api.Strategy;
import java.time.Instant;

/** Stand-ins for Ztrade's own steps where a test loads plugins without the app (named so they cannot be mistaken). */
final class BuiltInSteps {

    static final Strategy STRATEGY = new Strategy() {
        public String name() {
            return "builtIn";
        }

        public Signal signal(Market market, Settings settings) {
            return Signal.of(0, 0);
        }
    };
    static final SentimentFeed FEED = new SentimentFeed() {
        public String name() {
            return "news";
        }

        public Sentiment sentiment(String symbol, Instant at, Settings settings) {
            return Sentiment.unavailable("test", "none");
        }
    };
    static final DecisionRule DECISION = new DecisionRule() {
        public String name() {
            return "weighted";
        }

        public Decision decide(DecisionInput input, Settings settings) {
            return Decision.hold("test");
        }
    };

    private BuiltInSteps() {
    }
}
