package io.ztrade.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.sentiment.SentimentReading;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inputs that live runs recorded in {@code agent_runs}: by fire time, the market snapshot the run saw (from
 * {@code run_json}) and its sentiment reading ({@code sentiment_score}/{@code sentiment_confidence}). Runs that
 * never reached market data (closed market, failures) are left out.
 */
@Component
public class RecordedRuns {

    /** One agent's recorded inputs, oldest first. */
    public record Inputs(List<Instant> fireTimes, Map<Instant, MarketSnapshot> market, Map<Instant, SentimentReading> sentiment) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public RecordedRuns(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public Inputs load(String agentId, Instant from, Instant to) {
        return load(agentId, from, to, Long.MAX_VALUE);
    }

    /** As {@link #load(String, Instant, Instant)}, refusing (as it reads) snapshots that hold more than {@code maxBars} bars. */
    public Inputs load(String agentId, Instant from, Instant to, long maxBars) {
        long[] bars = {0};
        List<Instant> times = new ArrayList<>();
        Map<Instant, MarketSnapshot> market = new LinkedHashMap<>();
        Map<Instant, SentimentReading> sentiment = new LinkedHashMap<>();
        jdbc.query("""
                SELECT scheduled_at, sentiment_score, sentiment_confidence, sentiment_unavailable, run_json
                FROM agent_runs WHERE agent_id = ? AND scheduled_at >= ? AND scheduled_at < ? AND price IS NOT NULL
                ORDER BY scheduled_at""", rs -> {
            Instant at = rs.getTimestamp("scheduled_at").toInstant();
            MarketSnapshot snapshot = snapshot(rs.getString("run_json"));
            if (snapshot == null || market.containsKey(at)) {
                return;
            }
            bars[0] += snapshot.bars().size() + 1;
            if (bars[0] > maxBars) {
                throw new IllegalArgumentException("the recorded runs of " + agentId + " between " + from + " and " + to
                        + " hold more than ztrade.backtest.max-bars-per-job (" + maxBars + ") bars; backtest a shorter range");
            }
            times.add(at);
            market.put(at, snapshot);
            String unavailable = rs.getString("sentiment_unavailable");
            double score = rs.getDouble("sentiment_score");
            boolean hasScore = !rs.wasNull();
            double confidence = rs.getDouble("sentiment_confidence");
            if (unavailable != null) {
                sentiment.put(at, SentimentReading.unavailable("recorded", unavailable));
            } else if (hasScore) {
                sentiment.put(at, new SentimentReading(score, confidence, List.of("recorded"), 0, null));
            }
        }, agentId, Timestamp.from(from), Timestamp.from(to));
        return new Inputs(times, market, sentiment);
    }

    private MarketSnapshot snapshot(String runJson) {
        if (runJson == null) {
            return null;
        }
        try {
            JsonNode m = mapper.readTree(runJson).path("market");
            if (m.isMissingNode() || m.isNull()) {
                return null;
            }
            List<Bar> bars = new ArrayList<>();
            for (JsonNode b : m.path("bars")) {
                bars.add(new Bar(instant(b.path("t")), b.path("o").asDouble(), b.path("h").asDouble(), b.path("l").asDouble(),
                        b.path("c").asDouble(), b.path("v").asDouble()));
            }
            return new MarketSnapshot(m.path("symbol").asText(), m.path("price").asDouble(), m.path("bid").asDouble(),
                    m.path("ask").asDouble(), m.hasNonNull("priceTime") ? instant(m.path("priceTime")) : null, bars,
                    m.path("source").asText());
        } catch (IOException e) {
            throw new IllegalStateException("a recorded run_json is not JSON: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            // Jackson's timestamps: seconds with nanoseconds as the fraction
            long seconds = node.decimalValue().longValue();
            long nanos = node.decimalValue().subtract(java.math.BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return Instant.parse(node.asText());
    }
}
