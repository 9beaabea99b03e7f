package io.ztrade.market;

import io.ztrade.agent.AgentSettings;

/** Latest price, quote and recent bars for an agent's symbol. */
public interface MarketDataProvider {

    /**
     * @throws BadMarketDataException when the provider answered with something that is not a usable price
     */
    MarketSnapshot snapshot(AgentSettings agent);
}
