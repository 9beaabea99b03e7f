package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.market.MarketSnapshot;
import org.springframework.stereotype.Component;

/** Aggregation for the {@code marketData} enrich: the run, plus what the market data route fetched. */
@Component
public class MarketDataEnrichment {

    public AgentRun merge(AgentRun run, MarketSnapshot snapshot) {
        return run.withMarket(snapshot);
    }
}
