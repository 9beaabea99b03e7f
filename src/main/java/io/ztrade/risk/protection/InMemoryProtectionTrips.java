package io.ztrade.risk.protection;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A backtest's trips: its own, in memory, never the live table's. */
public final class InMemoryProtectionTrips implements ProtectionTrips {

    private final Map<String, Recorded> last = new LinkedHashMap<>();
    private final Map<String, Recorded> before = new LinkedHashMap<>();
    private final Set<String> windows = new HashSet<>();

    @Override
    public synchronized Optional<Recorded> last(String scope, String protection) {
        return Optional.ofNullable(last.get(scope + "/" + protection));
    }

    @Override
    public synchronized boolean record(Trip trip, String runId) {
        if (!windows.add(trip.scope() + "/" + trip.protection() + "/" + trip.windowStart())) {
            return false;
        }
        Recorded previous = last.put(trip.scope() + "/" + trip.protection(), new Recorded(trip.at(), trip.pnl()));
        if (previous != null) {
            before.put(trip.scope() + "/" + trip.protection(), previous);
        }
        return true;
    }

    @Override
    public synchronized void forget(Trip trip) {
        String key = trip.scope() + "/" + trip.protection();
        if (windows.remove(key + "/" + trip.windowStart())) {
            Recorded previous = before.remove(key);
            if (previous == null) {
                last.remove(key);
            } else {
                last.put(key, previous);
            }
        }
    }
}
