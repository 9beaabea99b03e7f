package io.ztrade.risk.protection;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live records ({@code agent_runs}): a fill is any record with a filled quantity (a partial fill of a run still
 * {@code ORDER_SUBMITTED} is real exposure too), dated by its fire time.
 */
@Component
class JdbcTradeHistory implements TradeHistory {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcTradeHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Fill> fills(String agentId) {
        String where = agentId == null ? "" : " AND agent_id = :agentId";
        return jdbc.query("SELECT scheduled_at, agent_id, symbol, order_side, fill_qty, fill_price FROM agent_runs"
                        + " WHERE fill_qty > 0 AND fill_price > 0 AND order_side IS NOT NULL" + where
                        + " ORDER BY scheduled_at, run_id",
                new MapSqlParameterSource("agentId", agentId),
                (rs, row) -> new Fill(rs.getTimestamp("scheduled_at").toInstant(), rs.getString("agent_id"),
                        rs.getString("symbol"), OrderSide.valueOf(rs.getString("order_side")), rs.getBigDecimal("fill_qty"),
                        rs.getBigDecimal("fill_price")));
    }

    @Override
    public Optional<BigDecimal> lastPrice(String agentId, Instant before) {
        return jdbc.query("SELECT price FROM agent_runs WHERE agent_id = :agentId AND price IS NOT NULL"
                        + " AND scheduled_at < :before ORDER BY scheduled_at DESC LIMIT 1",
                new MapSqlParameterSource("agentId", agentId).addValue("before", Timestamp.from(before)),
                (rs, row) -> BigDecimal.valueOf(rs.getDouble("price"))).stream().findFirst();
    }

    @Override
    public Optional<PriceRange> priceRange(String agentId, Instant after, Instant before) {
        return jdbc.query("SELECT MIN(price) AS low, MAX(price) AS high FROM agent_runs WHERE agent_id = :agentId"
                        + " AND price IS NOT NULL AND scheduled_at > :after AND scheduled_at < :before",
                new MapSqlParameterSource("agentId", agentId).addValue("after", Timestamp.from(after))
                        .addValue("before", Timestamp.from(before)),
                (rs, row) -> {
                    double low = rs.getDouble("low");
                    return rs.wasNull() ? null : new PriceRange(BigDecimal.valueOf(low), BigDecimal.valueOf(rs.getDouble("high")));
                }).stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
