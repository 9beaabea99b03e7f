package io.ztrade.alert;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The alert kinds' quiet periods in the records database ({@code alert_quiet_periods}), so the nodes of a cluster
 * share them: an alert goes out from the one node that moves its kind's {@code last_sent} forward (compare and set on
 * {@code version}); the others count it held back. A records database that fails throws, and {@link Alerts} keeps
 * that node's own quiet period meanwhile.
 */
@Component
class QuietPeriods {

    /** Compare-and-set rounds before giving up (each lost round means another node just changed the row). */
    private static final int ROUNDS = 20;

    private final NamedParameterJdbcTemplate jdbc;

    QuietPeriods(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(Instant lastSent, int heldBack, long version) {
    }

    /**
     * Whether an alert of this kind raised now goes out.
     *
     * @return the number held back since the last one sent, when this one is to be sent; empty when it is held back
     * @throws org.springframework.dao.DataAccessException when the records database fails
     */
    OptionalInt pass(String kind, Instant now, Duration quiet) {
        String key = kind.length() <= 128 ? kind : kind.substring(0, 128);
        MapSqlParameterSource params = new MapSqlParameterSource("kind", key).addValue("now", Timestamp.from(now));
        for (int round = 0; round < ROUNDS; round++) {
            List<Row> rows = jdbc.query("SELECT last_sent, held_back, version FROM alert_quiet_periods WHERE kind = :kind",
                    params, (rs, n) -> new Row(rs.getTimestamp("last_sent").toInstant(), rs.getInt("held_back"),
                            rs.getLong("version")));
            if (rows.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO alert_quiet_periods (kind, last_sent, held_back, version)"
                            + " VALUES (:kind, :now, 0, 0)", params);
                    return OptionalInt.of(0);
                } catch (DuplicateKeyException another) {
                    continue;
                }
            }
            Row row = rows.get(0);
            params.addValue("version", row.version());
            if (now.isBefore(row.lastSent().plus(quiet))) {
                if (jdbc.update("UPDATE alert_quiet_periods SET held_back = held_back + 1, version = version + 1"
                        + " WHERE kind = :kind AND version = :version", params) == 1) {
                    return OptionalInt.empty();
                }
            } else if (jdbc.update("UPDATE alert_quiet_periods SET last_sent = :now, held_back = 0, version = version + 1"
                    + " WHERE kind = :kind AND version = :version", params) == 1) {
                return OptionalInt.of(row.heldBack());
            }
        }
        throw new IllegalStateException("the quiet period of alert kind " + key + " changed " + ROUNDS
                + " times while this node read it");
    }
}
