package io.ztrade.records;

import io.ztrade.agent.RunLogLine;
import io.ztrade.agent.RunLogStore;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The runs' logs in {@code run_logs}, one row a line, written in one batch when a run ends. */
@Component
class JdbcRunLogs implements RunLogStore {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcRunLogs(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(String runId, String agentId, List<RunLogLine> lines) {
        MapSqlParameterSource[] rows = lines.stream().map(line -> new MapSqlParameterSource("runId", runId)
                .addValue("agentId", agentId).addValue("seq", line.seq()).addValue("at", Timestamp.from(line.at()))
                .addValue("level", line.level()).addValue("step", line.step()).addValue("logger", cut(line.logger(), 255))
                .addValue("message", cut(line.message(), 8000))).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO run_logs (run_id, agent_id, seq, logged_at, level, step, logger, message)"
                + " VALUES (:runId, :agentId, :seq, :at, :level, :step, :logger, :message)", rows);
    }

    @Override
    public List<RunLogLine> lines(String runId) {
        return jdbc.query("SELECT seq, logged_at, level, step, logger, message FROM run_logs WHERE run_id = :runId"
                        + " ORDER BY id", new MapSqlParameterSource("runId", runId),
                (rs, row) -> new RunLogLine(rs.getInt("seq"), rs.getTimestamp("logged_at").toInstant(),
                        rs.getString("level"), rs.getString("step"), rs.getString("logger"), rs.getString("message")));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
