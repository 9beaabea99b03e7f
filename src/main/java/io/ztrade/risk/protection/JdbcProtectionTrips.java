package io.ztrade.risk.protection;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live trips, in {@code protection_trips}: shared by every node, kept across restarts. Its unique key (scope,
 * protection, window) makes "hold once" hold across threads and nodes: only the insert that lands tells the listener.
 */
@Component
class JdbcProtectionTrips implements ProtectionTrips {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcProtectionTrips(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Recorded> last(String scope, String protection) {
        return jdbc.query("SELECT tripped_at, pnl FROM protection_trips WHERE scope = :scope AND protection = :protection"
                        + " ORDER BY tripped_at DESC, id DESC LIMIT 1",
                new MapSqlParameterSource("scope", scope).addValue("protection", protection),
                (rs, row) -> new Recorded(rs.getTimestamp("tripped_at").toInstant(), rs.getBigDecimal("pnl")))
                .stream().findFirst();
    }

    @Override
    public boolean record(Trip trip, String runId) {
        try {
            jdbc.update("INSERT INTO protection_trips (scope, protection, window_start, tripped_at, pnl, run_id, reason)"
                            + " VALUES (:scope, :protection, :windowStart, :at, :pnl, :runId, :reason)",
                    new MapSqlParameterSource("scope", trip.scope()).addValue("protection", trip.protection())
                            .addValue("windowStart", Timestamp.from(trip.windowStart())).addValue("at", Timestamp.from(trip.at()))
                            .addValue("pnl", trip.pnl()).addValue("runId", runId)
                            .addValue("reason", trip.reason().length() > 1000 ? trip.reason().substring(0, 1000) : trip.reason()));
            return true;
        } catch (DuplicateKeyException alreadyTripped) {
            return false;
        }
    }

    @Override
    public void forget(Trip trip) {
        jdbc.update("DELETE FROM protection_trips WHERE scope = :scope AND protection = :protection AND window_start = :windowStart",
                new MapSqlParameterSource("scope", trip.scope()).addValue("protection", trip.protection())
                        .addValue("windowStart", Timestamp.from(trip.windowStart())));
    }
}
