package io.ztrade.market;

import io.ztrade.agent.AgentRun;
import org.springframework.stereotype.Component;

/** Aggregation for the {@code marketData} enrich: the run, plus what the market data route fetched. */
@Component
public class MarketDataEnrichment {

    public AgentRun merge(AgentRun run, MarketSnapshot snapshot) {
        return run.withMarket(snapshot);
    }
}
