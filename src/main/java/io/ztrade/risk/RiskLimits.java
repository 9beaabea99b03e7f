package io.ztrade.risk;

import io.ztrade.market.AssetClass;
import io.ztrade.risk.protection.ProtectionLimits;
import java.math.BigDecimal;

/**
 * An agent's limits, as the risk rules and protections read them (the agent's parameters of the same names).
 *
 * @param agentId          named in every reason, and the scope of the agent's own protections and mode
 * @param orderNotional    dollars per order
 * @param maxPositionValue the most the position may be worth after a buy, in dollars
 * @param maxOrderNotional the largest single order, in dollars
 * @param maxOrdersPerDay  orders per agent per New York day
 * @param allowShort       whether a SELL may open or grow a short position
 */
public record RiskLimits(String agentId, String symbol, AssetClass assetClass, BigDecimal orderNotional,
                         BigDecimal maxPositionValue, BigDecimal maxOrderNotional, int maxOrdersPerDay, boolean allowShort,
                         ProtectionLimits protections) {
}
