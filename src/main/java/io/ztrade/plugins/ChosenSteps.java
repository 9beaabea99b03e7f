package io.ztrade.plugins;

import io.ztrade.decision.TradeAction;
import io.ztrade.decision.TradeDecision;
import io.ztrade.decision.Weights;
import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.plugin.api.Action;
import io.ztrade.plugin.api.Decision;
import io.ztrade.plugin.api.DecisionInput;
import io.ztrade.plugin.api.DecisionRule;
import io.ztrade.plugin.api.Market;
import io.ztrade.plugin.api.ProposedOrder;
import io.ztrade.plugin.api.RiskRule;
import io.ztrade.plugin.api.Sentiment;
import io.ztrade.plugin.api.SentimentFeed;
import io.ztrade.plugin.api.Settings;
import io.ztrade.plugin.api.Signal;
import io.ztrade.plugin.api.Strategy;
import io.ztrade.plugin.api.Verdict;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent's steps, as it chose them ({@link Plugins#choose}), called through the plugin API: the run's values
 * go in as the API's records, and what comes back is checked (ranges, no null) before it becomes the run's.
 */
public final class ChosenSteps {

    private final String agentId;
    private final PluginStep strategy;
    private final PluginStep sentimentFeed;
    private final PluginStep decisionRule;
    private final List<PluginStep> riskRules;
    private final Map<String, Settings> settings;
    private final PluginCalls calls;

    ChosenSteps(String agentId, PluginStep strategy, PluginStep sentimentFeed, PluginStep decisionRule,
                List<PluginStep> riskRules, Map<String, Map<String, Object>> values, Map<String, String> agent,
                PluginCalls calls) {
        this.agentId = agentId;
        this.strategy = strategy;
        this.sentimentFeed = sentimentFeed;
        this.decisionRule = decisionRule;
        this.riskRules = List.copyOf(riskRules);
        this.settings = new HashMap<>();
        values.forEach((name, own) -> settings.put(name, new Settings(agentId, own, agent)));
        this.calls = calls;
    }

    /**
     * Every parameter of the chosen steps as an agent writes it ({@code <step>.<parameter>}), with its value (given or
     * default): what a backtest may override, sweep or optimise.
     */
    public Map<String, String> parameterValues() {
        Map<String, String> values = new TreeMap<>();
        settings.forEach((step, s) -> s.own().forEach((name, value) -> values.put(step + "." + name, String.valueOf(value))));
        return values;
    }

    /** Whether a step is a scripted bean of routes/, which a reload of the route files may replace. */
    public boolean anyScripted() {
        List<PluginStep> all = new ArrayList<>(List.of(strategy, sentimentFeed, decisionRule));
        all.addAll(riskRules);
        return all.stream().anyMatch(PluginStep::scripted);
    }

    public PluginStep strategy() {
        return strategy;
    }

    public PluginStep sentimentFeed() {
        return sentimentFeed;
    }

    public PluginStep decisionRule() {
        return decisionRule;
    }

    public List<PluginStep> riskRules() {
        return riskRules;
    }

    /** The strategy's signal on the run's market. */
    public TechnicalSignal signal(MarketSnapshot market, String assetClass, Instant at) {
        Market in = market(market, assetClass, at);
        Signal s = calls.call(strategy, () -> ((Strategy) strategy.step()).signal(in, settings.get(strategy.name())));
        unit(strategy, "signal value", s.value(), -1);
        unit(strategy, "signal confidence", s.confidence(), 0);
        return new TechnicalSignal(s.value(), s.confidence(), s.details(), s.reason());
    }

    /** The feed's reading for the run's symbol at the run's time. */
    public SentimentReading sentiment(String symbol, Instant at) {
        Sentiment s = calls.call(sentimentFeed,
                () -> ((SentimentFeed) sentimentFeed.step()).sentiment(symbol, at, settings.get(sentimentFeed.name())));
        unit(sentimentFeed, "sentiment score", s.score(), -1);
        unit(sentimentFeed, "sentiment confidence", s.confidence(), 0);
        return new SentimentReading(s.score(), s.confidence(), s.sources(), s.articles(), s.unavailableReason());
    }

    /** The rule's decision on the run's two analyses. */
    public TradeDecision decide(MarketSnapshot market, String assetClass, Instant at, SentimentReading sentiment,
                                TechnicalSignal technical, Weights weights) {
        DecisionInput in = new DecisionInput(market(market, assetClass, at),
                new Signal(technical.signal(), technical.confidence(), technical.indicators(), technical.reason()),
                new Sentiment(sentiment.score(), sentiment.confidence(), sentiment.sources(), sentiment.articles(),
                        sentiment.unavailableReason()),
                weights.sentimentWeight(), weights.technicalWeight(), weights.threshold());
        Decision d = calls.call(decisionRule, () -> ((DecisionRule) decisionRule.step()).decide(in, settings.get(decisionRule.name())));
        if (d.action() == null) {
            throw new PluginFailedException(decisionRule.label() + " returned a decision without an action", null);
        }
        unit(decisionRule, "decision score", d.score(), -1);
        unit(decisionRule, "decision confidence", d.confidence(), 0);
        String rationale = d.rationale() == null || d.rationale().isBlank() ? d.action() + " (" + decisionRule.name() + ")"
                : d.rationale();
        return new TradeDecision(TradeAction.valueOf(d.action().name()), d.score(), d.confidence(), rationale);
    }

    /** The reasons the agent's own risk rules refuse the order, each named by its rule; empty when all approve. */
    public List<String> refusals(String symbol, TradeDecision decision, BigDecimal notional, double price, Instant at) {
        if (riskRules.isEmpty()) {
            return List.of();
        }
        ProposedOrder order = new ProposedOrder(agentId, symbol, Action.valueOf(decision.action().name()), notional, price,
                at, new Decision(Action.valueOf(decision.action().name()), decision.score(), decision.confidence(),
                decision.rationale()));
        List<String> refusals = new ArrayList<>();
        for (PluginStep rule : riskRules) {
            Verdict v = calls.call(rule, () -> ((RiskRule) rule.step()).check(order, settings.get(rule.name())));
            if (!v.approved()) {
                refusals.add(rule.name() + ": " + (v.reason() == null ? "refused" : v.reason()));
            }
        }
        return refusals;
    }

    private static Market market(MarketSnapshot m, String assetClass, Instant at) {
        List<io.ztrade.plugin.api.Bar> bars = new ArrayList<>(m.bars().size());
        for (Bar b : m.bars()) {
            bars.add(new io.ztrade.plugin.api.Bar(b.t(), b.o(), b.h(), b.l(), b.c(), b.v()));
        }
        return new Market(m.symbol(), assetClass, at, m.price(), bars);
    }

    /** A value in [low, 1] (low: -1 or 0), else the run fails naming the step. */
    private static void unit(PluginStep step, String what, double value, double low) {
        if (!(value >= low && value <= 1)) {
            throw new PluginFailedException(step.label() + " returned a " + what + " of " + value + ", outside ["
                    + (int) low + ", 1]", null);
        }
    }
}
