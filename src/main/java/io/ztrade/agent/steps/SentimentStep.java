package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStep;
import io.ztrade.sentiment.NewsSentimentFeed;
import io.ztrade.sentiment.SentimentAnalyzer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The template's {@code sentiment} step (bean {@code sentimentAnalyzer}): one reading for the run's symbol, from the
 * analyzer (live: every configured source; a replay's: the recorded readings) or the agent's plugin feed.
 */
@Component("sentimentAnalyzer")
public class SentimentStep implements RunStep {

    private final SentimentAnalyzer analyzer;
    private final PluginChoices plugins;

    /** Ztrade's own sentiment only. */
    public SentimentStep(SentimentAnalyzer analyzer) {
        this(analyzer, null);
    }

    @Autowired
    public SentimentStep(SentimentAnalyzer analyzer, PluginChoices plugins) {
        this.analyzer = analyzer;
        this.plugins = plugins;
    }

    @Override
    public AgentRun apply(AgentRun run) {
        if (plugins == null || NewsSentimentFeed.NAME.equals(run.agent().plugins().sentimentFeed())) {
            return run.withSentiment(analyzer.analyze(Stages.instrument(run.agent())));
        }
        return run.withSentiment(plugins.of(run).sentiment(run.agent().symbol(), run.scheduledAt()));
    }
}
