package io.ztrade.risk.protection;

/** Told once per recorded trip: live, it holds the agent or desk (or alerts a cooldown); a backtest keeps it. */
public interface TripListener {

    void tripped(Trip trip);
}
