package io.ztrade.technical;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.MarketSnapshot;

/** The {@code technical} step: a signal from the recent bars, with the agent's indicator periods. */
public interface TechnicalAnalyzer {

    TechnicalSignal analyze(AgentSettings.Indicators indicators, MarketSnapshot market);

    default AgentRun apply(AgentRun run) {
        return run.withTechnical(analyze(run.agent().indicators(), run.market()));
    }
}
