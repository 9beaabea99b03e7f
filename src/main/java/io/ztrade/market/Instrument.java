package io.ztrade.market;

/**
 * What a market or sentiment stage is asked about: a symbol and its asset class, and the agent asking (named in
 * errors and logs).
 *
 * @param symbol Alpaca symbol, e.g. {@code TSLA} or {@code BTC/USD}
 */
public record Instrument(String agentId, String symbol, AssetClass assetClass) {

}
