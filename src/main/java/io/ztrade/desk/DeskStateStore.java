package io.ztrade.desk;

import io.ztrade.risk.ModeSetting;
import io.ztrade.risk.TradingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The tables {@code trading_modes} and {@code agent_pauses} of the records database (V11), and nothing else. */
@Component
public class DeskStateStore {

    private final NamedParameterJdbcTemplate jdbc;
    /** Pauses and resumes stored through this store: a reader of {@link #pausedAgents()} re-reads after one. */
    private final AtomicLong pauseWrites = new AtomicLong();

    public DeskStateStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored mode by scope; a scope without a row is ACTIVE. */
    public Map<String, ModeSetting> modes() {
        return jdbc.query("SELECT * FROM trading_modes", DeskStateStore::setting).stream()
                .collect(Collectors.toMap(ModeSetting::scope, Function.identity()));
    }

    /** Sets the scope's mode, whatever it was. */
    public void set(ModeSetting setting) {
        MapSqlParameterSource values = values(setting);
        if (jdbc.update("UPDATE trading_modes SET mode = :mode, severity = :severity, reason = :reason,"
                + " source = :source, set_by = :setBy, set_at = :setAt WHERE scope = :scope", values) == 0) {
            try {
                insert(values);
            } catch (DuplicateKeyException raced) {
                set(setting);
            }
        }
    }

    /**
     * Sets the scope's mode only if that tightens it, in one statement (two nodes holding at once cannot loosen).
     *
     * @return whether the mode changed
     */
    public boolean tighten(ModeSetting setting) {
        MapSqlParameterSource values = values(setting);
        // a hold over another holder's HALTED or REDUCE_ONLY names both ("reconciliation+api"), so neither source's
        // release lifts what the other still holds; one as strict as the stored mode only joins the names
        String joined = "CASE WHEN severity = 0 OR source = :source THEN :source ELSE " + cutSql(":source || '+' || source") + " END";
        if (jdbc.update("UPDATE trading_modes SET mode = :mode, severity = :severity, reason = :reason, source = " + joined
                + ", set_by = :setBy, set_at = :setAt WHERE scope = :scope AND severity < :severity", values) == 1) {
            return true;
        }
        if (jdbc.update("UPDATE trading_modes SET source = " + cutSql("source || '+' || :source") + " WHERE scope = :scope"
                + " AND severity = :severity AND severity > 0 AND source <> :source"
                + " AND source NOT LIKE '%' || :source || '%'", values) == 1) {
            return false;
        }
        return setIf(setting, "severity < :severity", false);
    }

    private static String cutSql(String expression) {
        return "SUBSTRING(" + expression + " FROM 1 FOR 128)";
    }

    /**
     * Sets the scope's mode unless the stored one is stricter, in one statement: an operator's change, which must
     * not loosen a hold that a node set a moment after the operator's check.
     *
     * @return whether it was set
     */
    public boolean setUnlessStricter(ModeSetting setting) {
        return setIf(setting, "severity <= :severity", true);
    }

    /** @param storeActive whether an ACTIVE setting is stored for a scope without a row (a hold of ACTIVE is nothing) */
    private boolean setIf(ModeSetting setting, String condition, boolean storeActive) {
        MapSqlParameterSource values = values(setting);
        if (jdbc.update("UPDATE trading_modes SET mode = :mode, severity = :severity, reason = :reason,"
                + " source = :source, set_by = :setBy, set_at = :setAt WHERE scope = :scope AND " + condition, values) == 1) {
            return true;
        }
        if (jdbc.queryForObject("SELECT count(*) FROM trading_modes WHERE scope = :scope", values, Integer.class) > 0
                || setting.mode() == TradingMode.ACTIVE && !storeActive) {
            return false;
        }
        try {
            insert(values);
            return true;
        } catch (DuplicateKeyException raced) {
            return setIf(setting, condition, storeActive);
        }
    }

    /**
     * Back to ACTIVE only if the stored setting is still the one {@code source} made, in one statement.
     *
     * @return whether it was lifted
     */
    public boolean releaseIfSetBy(String source, ModeSetting active) {
        return jdbc.update("UPDATE trading_modes SET mode = :mode, severity = :severity, reason = :reason,"
                + " source = :source, set_by = :setBy, set_at = :setAt WHERE scope = :scope AND source = :holder"
                + " AND severity > 0", values(active).addValue("holder", cut(source, 128))) == 1;
    }

    private void insert(MapSqlParameterSource values) {
        jdbc.update("INSERT INTO trading_modes (scope, mode, severity, reason, source, set_by, set_at)"
                + " VALUES (:scope, :mode, :severity, :reason, :source, :setBy, :setAt)", values);
    }

    /** The agents whose schedule is paused, by agent id, with who paused them and when. */
    public Map<String, Instant> pausedAgents() {
        return jdbc.query("SELECT agent_id, paused_at FROM agent_pauses", (rs, row) -> Map.entry(rs.getString(1),
                rs.getTimestamp(2).toInstant())).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public boolean paused(String agentId) {
        return jdbc.queryForObject("SELECT count(*) FROM agent_pauses WHERE agent_id = :id",
                new MapSqlParameterSource("id", agentId), Integer.class) > 0;
    }

    public void pause(String agentId, String by) {
        try {
            jdbc.update("INSERT INTO agent_pauses (agent_id, paused_by, paused_at) VALUES (:id, :by, :at)",
                    new MapSqlParameterSource("id", agentId).addValue("by", cut(by, 128))
                            .addValue("at", Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException already) {
            // paused already: the first pause's time stays
        } finally {
            pauseWrites.incrementAndGet();
        }
    }

    public void resume(String agentId) {
        try {
            jdbc.update("DELETE FROM agent_pauses WHERE agent_id = :id", new MapSqlParameterSource("id", agentId));
        } finally {
            pauseWrites.incrementAndGet();
        }
    }

    /** How many pauses and resumes were stored through this store (on this node) so far. */
    public long pauseWrites() {
        return pauseWrites.get();
    }

    private static MapSqlParameterSource values(ModeSetting setting) {
        return new MapSqlParameterSource("scope", setting.scope()).addValue("mode", setting.mode().name())
                .addValue("severity", setting.mode().ordinal()).addValue("reason", cut(setting.reason(), 1000))
                .addValue("source", cut(setting.source(), 128)).addValue("setBy", cut(setting.setBy(), 128))
                .addValue("setAt", Timestamp.from(setting.setAt()));
    }

    private static ModeSetting setting(ResultSet rs, int row) throws SQLException {
        return new ModeSetting(rs.getString("scope"), TradingMode.valueOf(rs.getString("mode")), rs.getString("reason"),
                rs.getString("source"), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
