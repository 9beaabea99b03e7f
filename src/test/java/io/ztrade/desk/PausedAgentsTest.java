package io.ztrade.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.production.ProductionServices;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The scheduled fires' view of the stored pauses (PostgreSQL): one read of the table serves a minute's fires, a pause
 * or resume stored on this node is seen by the very next fire, one stored by another node within
 * {@link PausedAgents#FRESH}. Before, each fire of each agent queried the table.
 */
class PausedAgentsTest {

    private String database;
    private NamedParameterJdbcTemplate jdbc;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private DeskStateStore store;
    private PausedAgents pauses;

    @BeforeEach
    void migrate() {
        database = ProductionServices.createDatabase("pauses");
        DataSource ds = new DriverManagerDataSource(ProductionServices.jdbcUrl(database), ProductionServices.PG_USER, null);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        jdbc = new NamedParameterJdbcTemplate(ds);
        store = new DeskStateStore(jdbc) {
            @Override
            public Map<String, java.time.Instant> pausedAgents() {
                reads.incrementAndGet();
                return super.pausedAgents();
            }
        };
        pauses = new PausedAgents(store, nanos::get);
    }

    @AfterEach
    void drop() {
        ProductionServices.dropDatabase(database);
    }

    @Test
    void oneReadServesEveryFireOfAMinute() {
        store.pause("agent_7", "ops");
        reads.set(0);
        int paused = 0;
        for (int i = 0; i < 5_000; i++) {
            paused += pauses.paused("agent_" + i) ? 1 : 0;
        }
        assertThat(paused).isEqualTo(1);
        assertThat(reads).as("reads of agent_pauses for 5,000 fires").hasValue(1);
    }

    @Test
    void aPauseOrResumeStoredOnThisNodeIsSeenByTheNextFire() {
        assertThat(pauses.paused("agent_a")).isFalse();
        store.pause("agent_a", "ops");
        assertThat(pauses.paused("agent_a")).isTrue();
        store.resume("agent_a");
        assertThat(pauses.paused("agent_a")).isFalse();
        assertThat(reads).hasValue(3);
    }

    @Test
    void aPauseStoredByAnotherNodeIsSeenOnceTheLastReadIsNoLongerFresh() {
        assertThat(pauses.paused("agent_b")).isFalse();
        // another node's store: the same table, not this store's write count
        new DeskStateStore(jdbc).pause("agent_b", "other node");
        nanos.addAndGet(PausedAgents.FRESH.toNanos() - 1);
        assertThat(pauses.paused("agent_b")).as("within FRESH of the last read").isFalse();
        nanos.addAndGet(1);
        assertThat(pauses.paused("agent_b")).isTrue();
    }
}
