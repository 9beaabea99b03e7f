package io.ztrade.management;

import io.ztrade.alert.Alert;
import io.ztrade.alert.RecentAlerts;
import io.ztrade.records.PerformanceStore;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/failures?limit=20}: what failed and why, for the console's first screen. The latest runs that
 * ended FAILED, INTERRUPTED or REJECTED_BY_BROKER with their error (secrets were masked when recorded), how many of
 * each agent's runs failed in the last 24 hours, and the alerts sent by any node (breakers, kill switch, failed runs).
 */
@RestController
class FailuresController {

    static final List<String> FAILURES = List.of("FAILED", "INTERRUPTED", "REJECTED_BY_BROKER");
    static final int MAX_LIMIT = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final PerformanceStore runs;
    private final RecentAlerts alerts;

    FailuresController(NamedParameterJdbcTemplate jdbc, PerformanceStore runs, RecentAlerts alerts) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.alerts = alerts;
    }

    /** @param why the run's error, else its note */
    record FailedRun(String runId, String agentId, String symbol, String status, Instant startedAt, String trigger,
                     String why) {
    }

    record Failures(List<FailedRun> runs, Map<String, Integer> last24Hours, List<Alert> alerts) {
    }

    @GetMapping("/api/failures")
    Failures failures(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("statuses", FAILURES).addValue("limit", limit)
                .addValue("since", Timestamp.from(Instant.now().minus(Duration.ofHours(24))));
        List<FailedRun> failed = jdbc.queryForList("SELECT run_id FROM agent_runs WHERE status IN (:statuses)"
                        + " ORDER BY started_at DESC, run_id LIMIT :limit", params, String.class).stream()
                .map(runs::find).flatMap(Optional::stream)
                .map(r -> new FailedRun(r.runId(), r.agentId(), r.symbol(), r.status(), r.startedAt(), r.trigger(),
                        r.error() != null ? r.error() : r.note()))
                .toList();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT agent_id, COUNT(*) AS n FROM agent_runs WHERE status IN (:statuses) AND started_at >= :since"
                + " GROUP BY agent_id", params, rs -> {
                    counts.put(rs.getString("agent_id"), rs.getInt("n"));
                });
        return new Failures(failed, counts, alerts.latest(limit));
    }
}
