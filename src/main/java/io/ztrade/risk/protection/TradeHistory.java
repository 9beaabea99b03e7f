package io.ztrade.risk.protection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the protections read from the records: the fills, and the prices the runs saw. */
public interface TradeHistory {

    /** Low and high of the prices runs recorded in a span. */
    record PriceRange(BigDecimal low, BigDecimal high) {
    }

    /** Every fill of the agent (null: of every agent), oldest first. */
    List<Fill> fills(String agentId);

    /**
     * The P&L curve of the agent's (null: every agent's) fills up to that instant, from {@code fills} (this history's
     * {@link #fills}, read once per check). A history that keeps its own curve as fills arrive (a backtest's) answers
     * from it instead of walking every fill again.
     */
    default PnlCurve curve(String agentId, Instant until, Supplier<List<Fill>> fills) {
        return PnlCurve.of(fills.get(), until);
    }

    /** The price the agent's latest run before {@code before} recorded. */
    Optional<BigDecimal> lastPrice(String agentId, Instant before);

    /** Low and high of the prices the agent's runs recorded after {@code after} and before {@code before}. */
    Optional<PriceRange> priceRange(String agentId, Instant after, Instant before);
}
