package io.ztrade.risk.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.broker.OrderSide;
import io.ztrade.production.ProductionServices;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The protections' reads and the trips table, on the embedded H2 and on PostgreSQL. */
class ProtectionRecordsTest {

    static final Instant T = Instant.parse("2026-11-25T15:00:00Z");
    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(ProductionServices::dropDatabase);
    }

    NamedParameterJdbcTemplate migrated(String db) {
        DataSource ds;
        Flyway flyway;
        if (db.equals("h2")) {
            ds = new DriverManagerDataSource("jdbc:h2:mem:protections-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
            flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
        } else {
            String name = ProductionServices.createDatabase("protections");
            databases.add(name);
            ds = new DriverManagerDataSource(ProductionServices.jdbcUrl(name), ProductionServices.PG_USER, null);
            flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load();
        }
        flyway.migrate();
        return new NamedParameterJdbcTemplate(ds);
    }

    static void run(NamedParameterJdbcTemplate jdbc, String agent, Instant at, Double price, String side, String qty, String fill) {
        jdbc.getJdbcTemplate().update("""
                INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at, status,
                    degraded, price, order_side, fill_qty, fill_price, run_json)
                VALUES (?, ?, 'BTC/USD', 'crypto', 'SCHEDULE', ?, ?, 'FILLED', FALSE, ?, ?, ?, ?, '{}')""",
                UUID.randomUUID().toString(), agent, Timestamp.from(at), Timestamp.from(at), price, side,
                qty == null ? null : new BigDecimal(qty), fill == null ? null : new BigDecimal(fill));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void readsFillsAndPricesFromTheRunRecords(String db) {
        NamedParameterJdbcTemplate jdbc = migrated(db);
        run(jdbc, "a", T.plusSeconds(120), 101.0, "SELL", "0.5", "101");
        run(jdbc, "a", T, 100.0, "BUY", "0.000123456", "100.5");
        run(jdbc, "a", T.plusSeconds(60), 130.0, null, null, null);
        run(jdbc, "a", T.plusSeconds(90), 90.0, "BUY", "0", null);
        run(jdbc, "b", T.plusSeconds(30), 50.0, "BUY", "2", "50");
        JdbcTradeHistory history = new JdbcTradeHistory(jdbc);

        assertThat(history.fills("a")).extracting(Fill::side, f -> f.qty().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OrderSide.BUY, "0.000123456"),
                        org.assertj.core.groups.Tuple.tuple(OrderSide.SELL, "0.5"));
        assertThat(history.fills(null)).extracting(Fill::agentId).containsExactly("a", "b", "a");
        assertThat(history.lastPrice("a", T.plusSeconds(90))).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("130"));
        assertThat(history.lastPrice("a", T)).isEmpty();
        assertThat(history.priceRange("a", T, T.plusSeconds(120))).hasValueSatisfying(r -> {
            assertThat(r.low()).isEqualByComparingTo("90");
            assertThat(r.high()).isEqualByComparingTo("130");
        });
        assertThat(history.priceRange("a", T.plusSeconds(120), T.plusSeconds(600))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recordsOneTripPerScopeProtectionAndWindow(String db) {
        JdbcProtectionTrips trips = new JdbcProtectionTrips(migrated(db));
        Trip first = new Trip("a", "max-drawdown", T, Instant.EPOCH, new BigDecimal("-612.40"), "reason 1", true);

        assertThat(trips.last("a", "max-drawdown")).isEmpty();
        assertThat(trips.record(first, "run-1")).isTrue();
        assertThat(trips.record(new Trip("a", "max-drawdown", T.plusSeconds(5), Instant.EPOCH, BigDecimal.ONE, "again", true),
                "run-2")).as("same window").isFalse();
        assertThat(trips.last("a", "max-drawdown")).contains(new ProtectionTrips.Recorded(T, new BigDecimal("-612.400000000")))
                .hasValueSatisfying(r -> assertThat(r.pnl()).isEqualByComparingTo("-612.40"));
        assertThat(trips.record(new Trip("a", "max-drawdown", T.plusSeconds(60), T, new BigDecimal("-700"), "next window", true),
                "run-3")).isTrue();
        assertThat(trips.record(new Trip("desk", "max-drawdown", T, Instant.EPOCH, null, "x".repeat(1500), true), "run-4"))
                .as("another scope; a long reason is cut to the column").isTrue();
        assertThat(trips.last("a", "max-drawdown")).hasValueSatisfying(r -> assertThat(r.at()).isEqualTo(T.plusSeconds(60)));
        assertThat(trips.last("a", "max-daily-loss")).isEmpty();

        // a hold that failed: the trip is taken back, the previous one is the last again, and it can be recorded anew
        Trip next = new Trip("a", "max-drawdown", T.plusSeconds(60), T, new BigDecimal("-700"), "next window", true);
        trips.forget(next);
        assertThat(trips.last("a", "max-drawdown")).hasValueSatisfying(r -> assertThat(r.at()).isEqualTo(T));
        assertThat(trips.record(next, "run-3")).isTrue();
    }

    /** Many runs (or nodes) seeing the same loss at once: one of them records it, so one holds. 20 rounds of 8. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentTripsOfOneWindowRecordOnce(String db) throws Exception {
        JdbcProtectionTrips trips = new JdbcProtectionTrips(migrated(db));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                Trip trip = new Trip("desk", "desk-max-daily-loss", T.plusSeconds(round), T.minusSeconds(round), BigDecimal.TEN,
                        "round " + round, true);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Boolean>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String runId = "run-" + round + "-" + i;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return trips.record(trip, runId);
                    }));
                }
                go.countDown();
                int recorded = 0;
                for (java.util.concurrent.Future<Boolean> answer : answers) {
                    recorded += answer.get() ? 1 : 0;
                }
                assertThat(recorded).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
