package io.ztrade.risk.protection;

import java.util.Optional;

/**
 * One protection: a limit on the P&L (or the losing streak) of one agent or of the desk, checked by the risk step
 * before an order. Freqtrade's protections and LEAN's risk management models, over Ztrade's own records.
 */
public interface Protection {

    /** Empty when the run may place its order; else the trip, with the reason naming the value, the limit and the way out. */
    Optional<Trip> evaluate(ProtectionCheck check);
}
