package io.ztrade.plugins;

import io.ztrade.plugin.api.DecisionRule;
import io.ztrade.plugin.api.RiskRule;
import io.ztrade.plugin.api.SentimentFeed;
import io.ztrade.plugin.api.Step;
import io.ztrade.plugin.api.Strategy;

/** The four kinds of step a plugin may provide, each with the template parameter that chooses it. */
public enum StepKind {
    STRATEGY(Strategy.class, "strategy"),
    SENTIMENT_FEED(SentimentFeed.class, "sentimentFeed"),
    DECISION_RULE(DecisionRule.class, "decisionRule"),
    RISK_RULE(RiskRule.class, "riskRules");

    private final Class<? extends Step> type;
    private final String parameter;

    StepKind(Class<? extends Step> type, String parameter) {
        this.type = type;
        this.parameter = parameter;
    }

    public Class<? extends Step> type() {
        return type;
    }

    /** The template parameter an agent chooses this kind of step by. */
    public String parameter() {
        return parameter;
    }
}
