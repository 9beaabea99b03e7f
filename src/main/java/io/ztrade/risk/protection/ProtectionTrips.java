package io.ztrade.risk.protection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The trips recorded so far: the live table {@code protection_trips}, or a backtest's own in memory. */
public interface ProtectionTrips {

    /** The latest trip of one protection on one scope: when, and at what P&L. */
    record Recorded(Instant at, BigDecimal pnl) {
    }

    Optional<Recorded> last(String scope, String protection);

    /** Records the trip unless one of its scope, protection and window is recorded; true when this call recorded it. */
    boolean record(Trip trip, String runId);

    /** Takes back a trip whose hold or alert failed, so the run's retry (or the next run) records and holds it again. */
    void forget(Trip trip);
}
