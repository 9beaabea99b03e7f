package io.ztrade.decision;

import io.ztrade.plugin.api.Action;
import io.ztrade.plugin.api.Decision;
import io.ztrade.plugin.api.DecisionInput;
import io.ztrade.plugin.api.DecisionRule;
import io.ztrade.plugin.api.Settings;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;
import org.springframework.stereotype.Component;

/**
 * Ztrade's own decision through the plugin API ({@code decisionRule: weighted}, the default):
 * {@link WeightedDecisionPolicy}. The decision step calls the policy directly for this name.
 */
@Component
public class WeightedDecisionRule implements DecisionRule {

    public static final String NAME = "weighted";

    private final DecisionPolicy policy;

    public WeightedDecisionRule(DecisionPolicy policy) {
        this.policy = policy;
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
        return "sentimentWeight x sentiment + technicalWeight x signal; BUY above threshold, SELL below its negative";
    }

    @Override
    public Decision decide(DecisionInput in, Settings settings) {
        var s = in.sentiment();
        TradeDecision d = policy.decide(new SentimentReading(s.score(), s.confidence(), s.sources(), s.articles(),
                        s.unavailableReason()),
                new TechnicalSignal(in.signal().value(), in.signal().confidence(), in.signal().details(), in.signal().reason()),
                new Weights(in.sentimentWeight(), in.technicalWeight(), in.threshold()));
        return new Decision(Action.valueOf(d.action().name()), d.score(), d.confidence(), d.rationale());
    }
}
