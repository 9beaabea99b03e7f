package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.technical.TechnicalAnalyzer;
import org.springframework.stereotype.Component;

/**
 * The template's {@code technical} step (bean {@code technicalAnalyzer}): the run's bars through the analyzer. The
 * analyzer keeps nothing between runs (WindowedTechnicalAnalyzer), so this one bean serves the live agents, replays,
 * sweeps and test runs at once, and a replay needs no template-local bean of its own.
 */
@Component("technicalAnalyzer")
public class TechnicalStep {

    private final TechnicalAnalyzer analyzer;

    public TechnicalStep(TechnicalAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public AgentRun apply(AgentRun run) {
        return run.withTechnical(analyzer.analyze(run.agent().indicators(), run.market()));
    }
}
