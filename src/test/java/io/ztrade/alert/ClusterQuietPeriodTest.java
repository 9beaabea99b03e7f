package io.ztrade.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ztrade.TestClock;
import io.ztrade.production.ProductionServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The quiet period of an alert kind holds for every node of a cluster: two nodes (each its own Alerts, connections and
 * channel) on one records database in PostgreSQL alert one failure once per quiet period, whichever node sees it and
 * however many raise it at the same moment; the next alert says how many were held back on all nodes.
 */
class ClusterQuietPeriodTest {

    private static final Duration QUIET = Duration.ofMinutes(15);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T15:00:00Z"));
    private final List<Alert> sentByA = Collections.synchronizedList(new ArrayList<>());
    private final List<Alert> sentByB = Collections.synchronizedList(new ArrayList<>());
    private String database;
    private Alerts nodeA;
    private Alerts nodeB;

    @BeforeEach
    void twoNodes() {
        database = ProductionServices.createDatabase("quiet");
        Flyway.configure().dataSource(ProductionServices.jdbcUrl(database), ProductionServices.PG_USER, null)
                .locations("classpath:db/migration").load().migrate();
        nodeA = node(sentByA);
        nodeB = node(sentByB);
    }

    @AfterEach
    void drop() {
        ProductionServices.dropDatabase(database);
    }

    @Test
    void aFailureSeenByBothNodesIsAlertedOncePerQuietPeriod() {
        assertThat(nodeA.raise("run-failed", "s", "first, on A")).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(nodeB.raise("run-failed", "s", "second, on B")).as("B, within A's quiet period").isFalse();
        assertThat(nodeA.raise("run-failed", "s", "third, on A")).isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(nodeB.raise("run-failed", "s", "fourth, on B")).isTrue();

        assertThat(sentByA).extracting(Alert::text).containsExactly("first, on A");
        assertThat(sentByB).extracting(Alert::text).containsExactly(
                "fourth, on B\n(2 more alert(s) of this kind were held back in the quiet period of PT15M)");
        assertThat(nodeB.raise("breaker-open-alpaca", "s", "another kind")).as("kinds have their own").isTrue();
    }

    @Test
    void nodesRaisingOneKindAtTheSameMomentSendItOnce() throws Exception {
        int each = 10;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (Alerts node : List.of(nodeA, nodeB)) {
                sent.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    int count = 0;
                    for (int i = 0; i < each; i++) {
                        count += node.raise("breaker-open-alpaca-data", "s", "open") ? 1 : 0;
                    }
                    return count;
                }));
            }
            assertThat(sent.get(0).get(60, TimeUnit.SECONDS) + sent.get(1).get(60, TimeUnit.SECONDS))
                    .as("alerts sent by both nodes").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        clock.advance(QUIET);
        assertThat(nodeA.raise("breaker-open-alpaca-data", "s", "open again")).isTrue();
        assertThat(sentByA.get(sentByA.size() - 1).text()).endsWith("(" + (2 * each - 1) + " more alert(s) of this kind"
                + " were held back in the quiet period of PT15M)");
    }

    @Test
    void aNodeThatCannotReachTheRecordsDatabaseKeepsItsOwnQuietPeriod() {
        List<Alert> sent = new ArrayList<>();
        Alerts cut = node(sent, ProductionServices.jdbcUrl(ProductionServices.PG_HOST, ProductionServices.closedPort(), database));

        assertThat(cut.raise("run-failed", "s", "first")).as("an outage still alerts").isTrue();
        assertThat(cut.raise("run-failed", "s", "second")).isFalse();
        assertThat(sent).extracting(Alert::text).containsExactly("first");
    }

    private Alerts node(List<Alert> sent) {
        return node(sent, ProductionServices.jdbcUrl(database));
    }

    private Alerts node(List<Alert> sent, String jdbcUrl) {
        DriverManagerDataSource connections = new DriverManagerDataSource(jdbcUrl, ProductionServices.PG_USER, "");
        AlertChannel channel = new AlertChannel() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void send(Alert alert) {
                sent.add(alert);
            }
        };
        return new Alerts(List.of(channel), new AlertProperties(QUIET, null, null, null), new SimpleMeterRegistry(),
                clock, text -> text, new QuietPeriods(new NamedParameterJdbcTemplate(connections)));
    }
}
