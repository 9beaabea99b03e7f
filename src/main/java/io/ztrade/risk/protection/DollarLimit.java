package io.ztrade.risk.protection;

import io.ztrade.risk.TradingHolds;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * A protection's limit in dollars, for one agent or for the whole desk: its name (the trip's and the hold's), the
 * setting it comes from, and where a check reads it (0 = off).
 */
record DollarLimit(String name, boolean desk, String setting, Function<ProtectionCheck, BigDecimal> amount) {

    /** The limit for this check; zero when the protection is off. */
    BigDecimal of(ProtectionCheck c) {
        return amount.apply(c);
    }

    /** Whom a trip holds: the desk or the check's agent. */
    String scope(ProtectionCheck c) {
        return desk ? TradingHolds.DESK : c.agentId();
    }

    /** Who is halted, for the reason's last words. */
    String halted() {
        return desk ? "the desk" : "the agent";
    }
}
