package io.ztrade.technical;

import io.ztrade.agent.AgentRun;
import io.ztrade.market.MarketSnapshot;

/** The {@code technical} step: a signal from the recent bars. */
public interface TechnicalAnalyzer {

    TechnicalSignal analyze(MarketSnapshot market);

    default AgentRun apply(AgentRun run) {
        return run.withTechnical(analyze(run.market()));
    }
}
