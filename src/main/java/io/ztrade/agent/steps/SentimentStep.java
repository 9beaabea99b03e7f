package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.sentiment.SentimentAnalyzer;
import org.springframework.stereotype.Component;

/** The template's {@code sentiment} step (bean {@code sentimentAnalyzer}): one reading for the run's symbol. */
@Component("sentimentAnalyzer")
public class SentimentStep {

    private final SentimentAnalyzer analyzer;

    public SentimentStep(SentimentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public AgentRun apply(AgentRun run) {
        return run.withSentiment(analyzer.analyze(Stages.instrument(run.agent())));
    }
}
