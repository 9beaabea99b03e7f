package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStep;
import io.ztrade.technical.IndicatorsStrategy;
import io.ztrade.technical.TechnicalAnalyzer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The template's {@code technical} step (bean {@code technicalAnalyzer}): the run's bars through the analyzer. The
 * analyzer keeps nothing between runs (WindowedTechnicalAnalyzer), so this one bean serves the live agents, replays,
 * sweeps and test runs at once, and a replay needs no template-local bean of its own.
 */
@Component("technicalAnalyzer")
public class TechnicalStep implements RunStep {

    private final TechnicalAnalyzer analyzer;
    private final PluginChoices plugins;

    /** Ztrade's own strategy only. */
    public TechnicalStep(TechnicalAnalyzer analyzer) {
        this(analyzer, null);
    }

    @Autowired
    public TechnicalStep(TechnicalAnalyzer analyzer, PluginChoices plugins) {
        this.analyzer = analyzer;
        this.plugins = plugins;
    }

    /** The agent's strategy: Ztrade's own straight on the run's bars, a plugin's through the plugin API. */
    @Override
    public AgentRun apply(AgentRun run) {
        if (plugins == null || IndicatorsStrategy.NAME.equals(run.agent().plugins().strategy())) {
            return run.withTechnical(analyzer.analyze(run.agent().indicators(), run.market()));
        }
        return run.withTechnical(plugins.of(run).signal(run.market(), run.agent().assetClass().alpacaName(),
                run.scheduledAt()));
    }
}
