package io.ztrade.market;

/** Latest price, quote and recent bars for an agent's symbol. */
public interface MarketDataProvider {

    /**
     * @param barTimeframe Alpaca bar timeframe, e.g. {@code 5Min}
     * @param barCount     how many recent bars
     * @throws BadMarketDataException when the provider answered with something that is not a usable price
     */
    MarketSnapshot snapshot(Instrument instrument, String barTimeframe, int barCount);
}
