package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production profile's migrations on the real PostgreSQL: on an empty database and on the last release's. */
class MigrationsTest {

    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(ProductionServices::dropDatabase);
    }

    @Test
    void migratesAnEmptyDatabase() throws SQLException {
        String db = database("empty");
        production(db).migrate();

        try (Connection connection = ProductionServices.connect(db)) {
            assertThat(tables(connection)).contains("agent_runs", "order_intents", "reconcile_lease", "reconcile_issues",
                    "protection_trips", "run_logs", "equity_snapshots", "recent_alerts", "alert_quiet_periods", "trading_modes", "agent_pauses", "qrtz_triggers", "qrtz_cron_triggers",
                    "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks", "qrtz_job_details");
            assertThat(indexes(connection)).contains("agent_runs_agent_started", "agent_runs_status_started",
                    "agent_runs_client_order", "run_logs_run");
        }
        assertThat(production(db).info().applied()).extracting(m -> m.getVersion().getVersion())
                .containsExactly("1", "2", "2.1", "10", "11", "12", "13", "14", "15", "16", "17");
    }

    @Test
    void upgradesTheDatabaseOfThePreviousReleaseKeepingItsRecords() throws SQLException {
        String db = database("upgrade");
        // the previous release: the shared migrations only (V1)
        Flyway.configure().dataSource(ProductionServices.jdbcUrl(db), ProductionServices.PG_USER, null)
                .locations("classpath:db/migration").target("1").load().migrate();
        try (Connection connection = ProductionServices.connect(db); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at,
                        status, degraded, run_json)
                    VALUES ('run-from-v1', 'agent_btc', 'BTC/USD', 'crypto', 'SCHEDULE', now(), now(), 'HOLD', false, '{}')
                    """);
        }

        production(db).migrate();

        try (Connection connection = ProductionServices.connect(db); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT run_id FROM agent_runs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("run-from-v1");
            assertThat(tables(connection)).contains("qrtz_triggers", "qrtz_locks");
        }
        assertThat(production(db).info().pending()).isEmpty();
    }

    /** As application-production.yml configures Flyway. */
    private static Flyway production(String db) {
        return Flyway.configure().dataSource(ProductionServices.jdbcUrl(db), ProductionServices.PG_USER, null)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load();
    }

    private String database(String purpose) {
        String db = ProductionServices.createDatabase(purpose);
        databases.add(db);
        return db;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return names(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }

    private static List<String> indexes(Connection connection) throws SQLException {
        return names(connection, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
    }

    private static List<String> names(Connection connection, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
