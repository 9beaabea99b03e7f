package io.ztrade.portfolio;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recorded equity snapshots ({@code equity_snapshots}): the desk's account equity and each agent's P&L over
 * time, and the curve with its drawdown that {@code GET /api/portfolio/equity} serves.
 */
@Component
class EquitySnapshots {

    /** The scope of the desk's own snapshots (agent ids are the others). */
    static final String DESK = "desk";
    /** The most points one curve answers; a longer span is thinned evenly (first and last kept). */
    static final int MAX_POINTS = 2000;

    private final NamedParameterJdbcTemplate jdbc;

    EquitySnapshots(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Point(Instant t, BigDecimal value, BigDecimal drawdown) {
    }

    /**
     * @param maxDrawdown the largest fall from a peak in the span, in dollars (zero when it never fell)
     * @param peak        the highest value in the span
     */
    record Curve(String scope, List<Point> points, BigDecimal maxDrawdown, BigDecimal peak) {
    }

    void record(String scope, Instant at, BigDecimal equity) {
        jdbc.update("INSERT INTO equity_snapshots (scope, taken_at, equity) VALUES (:scope, :at, :equity)",
                new MapSqlParameterSource("scope", scope).addValue("at", Timestamp.from(at)).addValue("equity", equity));
    }

    int deleteBefore(Instant before) {
        return jdbc.update("DELETE FROM equity_snapshots WHERE taken_at < :before",
                new MapSqlParameterSource("before", Timestamp.from(before)));
    }

    /**
     * The curve since {@code since}: each point's drawdown is its fall from the highest value before it in the span.
     */
    Curve curve(String scope, Instant since) {
        List<Point> raw = jdbc.query("SELECT taken_at, equity FROM equity_snapshots WHERE scope = :scope"
                        + " AND taken_at >= :since ORDER BY taken_at",
                new MapSqlParameterSource("scope", scope).addValue("since", Timestamp.from(since)),
                (rs, row) -> new Point(rs.getTimestamp("taken_at").toInstant(), rs.getBigDecimal("equity"), null));
        return of(scope, raw);
    }

    static Curve of(String scope, List<Point> raw) {
        List<Point> points = new ArrayList<>(raw.size());
        BigDecimal peak = null;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        for (Point p : raw) {
            BigDecimal value = p.value().stripTrailingZeros();
            peak = peak == null || value.compareTo(peak) > 0 ? value : peak;
            BigDecimal drawdown = peak.subtract(value);
            maxDrawdown = maxDrawdown.max(drawdown);
            points.add(new Point(p.t(), value, drawdown));
        }
        return new Curve(scope, thinned(points), maxDrawdown, peak);
    }

    private static List<Point> thinned(List<Point> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<Point> kept = new ArrayList<>(MAX_POINTS);
        double step = (points.size() - 1) / (double) (MAX_POINTS - 1);
        for (int i = 0; i < MAX_POINTS; i++) {
            kept.add(points.get((int) Math.round(i * step)));
        }
        return kept;
    }
}
