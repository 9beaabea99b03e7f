package io.ztrade.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ztrade.production.ProductionServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The alerts panel's alerts live in the records database: on the real PostgreSQL of a cluster, what one node sent
 * every node shows, and a restarted node still shows; the embedded default (H2) keeps them the same way.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecentAlertsTest {

    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(ProductionServices::dropDatabase);
    }

    /** A node's view of the records database: a connection of its own. */
    private DataSource postgres(String db) {
        return new DriverManagerDataSource(ProductionServices.jdbcUrl(db), ProductionServices.PG_USER, "");
    }

    private String migratedPostgres() {
        String db = ProductionServices.createDatabase("recent_alerts");
        databases.add(db);
        Flyway.configure().dataSource(postgres(db)).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        return db;
    }

    private static DataSource migratedH2() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:recent-alerts-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }

    private static Alert alert(String kind, int minute) {
        return new Alert(kind, "Ztrade: " + kind, kind + " at minute " + minute,
                Instant.parse("2026-12-03T15:00:00Z").plus(Duration.ofMinutes(minute)));
    }

    @Test
    void whatOneNodeSentEveryNodeShowsAndARestartKeeps() {
        String db = migratedPostgres();
        RecentAlerts node1 = new RecentAlerts(new NamedParameterJdbcTemplate(postgres(db)));
        RecentAlerts node2 = new RecentAlerts(new NamedParameterJdbcTemplate(postgres(db)));

        node1.send(alert("breaker-open-alpaca-data", 1));
        node2.send(alert("kill-switch-on", 2));

        assertThat(node2.latest(10)).extracting(Alert::kind).containsExactly("kill-switch-on", "breaker-open-alpaca-data");
        assertThat(node1.latest(10)).isEqualTo(node2.latest(10));
        RecentAlerts node1Restarted = new RecentAlerts(new NamedParameterJdbcTemplate(postgres(db)));
        assertThat(node1Restarted.latest(1)).containsExactly(alert("kill-switch-on", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void theLatestAreKeptNewestFirst(String database) {
        DataSource records = database.equals("h2") ? migratedH2() : postgres(migratedPostgres());
        RecentAlerts alerts = new RecentAlerts(new NamedParameterJdbcTemplate(records));

        for (int minute = 0; minute < RecentAlerts.KEPT + 5; minute++) {
            alerts.send(alert("run-failed", minute));
        }

        List<Alert> all = alerts.latest(RecentAlerts.KEPT + 10);
        assertThat(all).hasSize(RecentAlerts.KEPT);
        assertThat(all.get(0).text()).isEqualTo("run-failed at minute " + (RecentAlerts.KEPT + 4));
        assertThat(all.get(all.size() - 1).text()).isEqualTo("run-failed at minute 5");
        assertThat(new NamedParameterJdbcTemplate(records).getJdbcTemplate()
                .queryForObject("SELECT COUNT(*) FROM recent_alerts", Integer.class)).isEqualTo(RecentAlerts.KEPT);
    }

    @Test
    void aLongAlertIsCutToItsColumn() {
        RecentAlerts alerts = new RecentAlerts(new NamedParameterJdbcTemplate(migratedH2()));

        alerts.send(new Alert("run-failed", "s".repeat(600), "t".repeat(9000), Instant.parse("2026-12-03T15:00:00Z")));

        Alert kept = alerts.latest(1).get(0);
        assertThat(kept.subject()).hasSize(RecentAlerts.MAX_SUBJECT).endsWith("…");
        assertThat(kept.text()).hasSize(RecentAlerts.MAX_TEXT).endsWith("…");
    }

    @Test
    void aRecordsDatabaseThatFailsLosesTheAlertFromThePanelOnly(CapturedOutput output) {
        DataSource down = new DriverManagerDataSource(ProductionServices.jdbcUrl("127.0.0.1",
                ProductionServices.closedPort(), "gone"), ProductionServices.PG_USER, "");
        RecentAlerts alerts = new RecentAlerts(new NamedParameterJdbcTemplate(down));

        assertThatCode(() -> alerts.send(alert("run-failed", 1))).doesNotThrowAnyException();

        assertThat(output.getAll()).contains("Alert 'Ztrade: run-failed' is not kept for the alerts panel: the records"
                + " database failed (ConnectException)");
    }
}
