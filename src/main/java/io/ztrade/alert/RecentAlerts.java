package io.ztrade.alert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The console's alerts panel: the latest alerts this node sent (after the quiet period, text masked as for email and
 * webhook), newest first, in memory. FAILED runs themselves are in the records; this adds what has no run (a breaker
 * that opened, the kill switch).
 */
@Component
public class RecentAlerts implements AlertChannel {

    /** The most alerts kept. */
    static final int KEPT = 50;

    private final Deque<Alert> alerts = new ArrayDeque<>();

    @Override
    public String name() {
        return "console";
    }

    @Override
    public synchronized void send(Alert alert) {
        alerts.addFirst(alert);
        while (alerts.size() > KEPT) {
            alerts.removeLast();
        }
    }

    /** Newest first, at most {@code limit}. */
    public synchronized List<Alert> latest(int limit) {
        return new ArrayList<>(alerts).subList(0, Math.min(limit, alerts.size()));
    }
}
