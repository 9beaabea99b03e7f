package io.ztrade.records;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.agent.StepTiming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcPerformanceStore implements PerformanceStore {

    private static final TypeReference<List<StepTiming>> TIMINGS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;

    JdbcPerformanceStore(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public List<RunRecord> latest(String agentId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit).addValue("agentId", agentId);
        String where = agentId == null ? "" : " WHERE agent_id = :agentId";
        return jdbc.query("SELECT * FROM agent_runs" + where + " ORDER BY started_at DESC, run_id LIMIT :limit", params,
                this::record);
    }

    @Override
    public List<RunRecord> startedBy(String agentId, Instant at, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit).addValue("agentId", agentId)
                .addValue("at", Timestamp.from(at));
        String where = " WHERE started_at <= :at" + (agentId == null ? "" : " AND agent_id = :agentId");
        return jdbc.query("SELECT * FROM agent_runs" + where + " ORDER BY started_at DESC, run_id LIMIT :limit", params,
                this::record);
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return jdbc.query("SELECT * FROM agent_runs WHERE run_id = :runId", new MapSqlParameterSource("runId", runId),
                this::record).stream().findFirst();
    }

    @Override
    public int ordersSince(String agentId, Instant since) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM agent_runs WHERE agent_id = :agentId"
                        + " AND client_order_id IS NOT NULL AND broker_order_id IS NOT NULL AND scheduled_at >= :since",
                new MapSqlParameterSource("agentId", agentId).addValue("since", Timestamp.from(since)), Integer.class);
        return count == null ? 0 : count;
    }

    private RunRecord record(ResultSet rs, int row) throws SQLException {
        return new RunRecord(rs.getString("run_id"), rs.getString("agent_id"), rs.getString("symbol"),
                rs.getString("asset_class"), rs.getString("run_trigger"), instant(rs, "scheduled_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("status"), rs.getBoolean("degraded"),
                dbl(rs, "price"), dbl(rs, "bid"), dbl(rs, "ask"),
                dbl(rs, "sentiment_score"), dbl(rs, "sentiment_confidence"), rs.getString("sentiment_unavailable"),
                dbl(rs, "technical_signal"), dbl(rs, "technical_confidence"),
                rs.getString("decision"), dbl(rs, "decision_score"), rs.getString("rationale"),
                rs.getString("risk_verdict"), rs.getString("risk_reasons"),
                rs.getString("order_side"), rs.getBigDecimal("order_qty"), rs.getBigDecimal("order_notional"),
                rs.getString("client_order_id"), rs.getString("broker_order_id"), rs.getString("order_status"),
                rs.getBigDecimal("fill_qty"), rs.getBigDecimal("fill_price"),
                timings(rs.getString("step_timings")), rs.getString("note"), rs.getString("error"));
    }

    private List<StepTiming> timings(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, TIMINGS);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
