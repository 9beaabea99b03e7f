package io.ztrade.reconcile;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One node of a cluster reconciles at a time: a lease row in the records database, taken by the one UPDATE that finds
 * it expired (or already ours) and given back when the pass ends. A lease, not a clustered Quartz job, because the
 * same exclusion must hold for on-demand passes (API, CLI, JMX) and in the embedded default (no clustered Quartz
 * there), and the records database is what every node shares anyway. A node that dies mid-pass frees it after
 * {@code ztrade.reconcile.lease-ttl}. Times are the nodes' clocks, which clustered Quartz already requires in step.
 */
@Component
class ReconcileLease {

    private final NamedParameterJdbcTemplate jdbc;

    ReconcileLease(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean acquire(String holder, Instant now, Duration ttl) {
        return jdbc.update("UPDATE reconcile_lease SET holder = :holder, expires_at = :until WHERE name = 'reconcile'"
                        + " AND (expires_at < :now OR holder = :holder)",
                new MapSqlParameterSource("holder", holder).addValue("now", Timestamp.from(now))
                        .addValue("until", Timestamp.from(now.plus(ttl)))) == 1;
    }

    void release(String holder, Instant now) {
        jdbc.update("UPDATE reconcile_lease SET expires_at = :now WHERE name = 'reconcile' AND holder = :holder",
                new MapSqlParameterSource("holder", holder).addValue("now", Timestamp.from(now)));
    }

    /** Who holds it, while it holds. */
    String holder(Instant now) {
        return jdbc.query("SELECT holder FROM reconcile_lease WHERE name = 'reconcile' AND expires_at >= :now",
                new MapSqlParameterSource("now", Timestamp.from(now)), (rs, row) -> rs.getString("holder"))
                .stream().findFirst().orElse(null);
    }
}
