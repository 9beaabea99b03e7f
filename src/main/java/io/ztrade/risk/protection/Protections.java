package io.ztrade.risk.protection;

import io.ztrade.broker.OrderSide;
import io.ztrade.risk.RiskLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every {@link Protection} on a run the risk step is about to approve or reject. A tripped protection's reason
 * rejects the run; the trip is recorded once per window (however many runs, or nodes, see it) and only then handed to
 * the {@link TripListener}: a hold or an alert, once.
 */
public final class Protections {

    /** No protection at all (benchmarks, and tests of the other risk rules). */
    public static final Protections NONE = new Protections(List.of(), null, null, trip -> { });

    private final List<Protection> protections;
    private final TradeHistory history;
    private final ProtectionTrips trips;
    private final TripListener listener;
    private final HeldScopes held;

    public Protections(List<Protection> protections, TradeHistory history, ProtectionTrips trips, TripListener listener) {
        this(protections, history, trips, listener, HeldScopes.NONE);
    }

    private Protections(List<Protection> protections, TradeHistory history, ProtectionTrips trips, TripListener listener,
                        HeldScopes held) {
        this.protections = List.copyOf(protections);
        this.history = history;
        this.trips = trips;
        this.listener = listener;
        this.held = held;
    }

    /** The same protections over a backtest's own records, trips, listener and holds. */
    public Protections over(TradeHistory otherHistory, ProtectionTrips otherTrips, TripListener otherListener,
                            HeldScopes otherHeld) {
        return new Protections(protections, otherHistory, otherTrips, otherListener, otherHeld);
    }

    /**
     * The same protections over the same records and holds, but nothing kept: a trip is a reason, never recorded,
     * held or alerted (bin/ztrade test).
     */
    public Protections readOnly() {
        ProtectionTrips readOnlyTrips = new ProtectionTrips() {
            @Override
            public Optional<Recorded> last(String scope, String protection) {
                return trips == null ? Optional.empty() : trips.last(scope, protection);
            }

            @Override
            public boolean record(Trip trip, String runId) {
                return false;
            }

            @Override
            public void forget(Trip trip) {
            }
        };
        return new Protections(protections, history, readOnlyTrips, trip -> { }, held);
    }

    /**
     * The reasons the run may not place its order (empty: none tripped).
     *
     * @param at    the run's fire time
     * @param price the run's market price
     */
    public List<String> check(RiskLimits agent, String runId, Instant at, double price, OrderSide side) {
        if (protections.isEmpty()) {
            return List.of();
        }
        Optional<String> hold = held.heldAt(agent.agentId(), at);
        if (hold.isPresent()) {
            return List.of(hold.get());
        }
        ProtectionCheck check = new ProtectionCheck(agent, at, price, side, history, trips);
        List<String> reasons = new ArrayList<>();
        for (Protection protection : protections) {
            Optional<Trip> trip = protection.evaluate(check);
            if (trip.isPresent()) {
                reasons.add(trip.get().reason());
                if (trips.record(trip.get(), runId)) {
                    told(trip.get());
                }
            }
        }
        return reasons;
    }

    /** A hold that failed must not be lost: the trip is taken back and the run fails, so its retry holds again. */
    private void told(Trip trip) {
        try {
            listener.tripped(trip);
        } catch (RuntimeException e) {
            trips.forget(trip);
            throw e;
        }
    }
}
