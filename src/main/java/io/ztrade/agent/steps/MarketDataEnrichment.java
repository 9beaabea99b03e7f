package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.market.MarketSnapshot;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Aggregation for the {@code marketData} enrich: the run, plus what the market data route fetched. Named without a
 * method in the template, so Camel calls {@link #aggregate} directly (no bean adapter, no reflection per run).
 */
@Component
public class MarketDataEnrichment implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange run, Exchange fetched) {
        run.getMessage().setBody(merge(run.getMessage().getBody(AgentRun.class), fetched.getMessage().getBody(MarketSnapshot.class)));
        return run;
    }

    public AgentRun merge(AgentRun run, MarketSnapshot snapshot) {
        return run.withMarket(snapshot);
    }
}
