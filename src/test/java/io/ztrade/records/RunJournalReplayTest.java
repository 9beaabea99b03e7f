package io.ztrade.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunTrigger;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import io.ztrade.PipelineTestSupport;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;

/**
 * The journal on the embedded default's H2: a record replays with its values; a torn line is set aside. On the
 * pipeline tests' shared context (no context of its own to start).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunJournalReplayTest extends PipelineTestSupport {

    @Autowired
    private RunJournal journal;
    @Autowired
    private PerformanceStore store;
    @Autowired
    private AgentCatalog catalog;

    @Test
    void replaysARecordOnceAndSetsATornLineAside() throws Exception {
        Instant scheduled = Instant.parse("2026-11-25T20:00:00Z");
        AgentRun run = AgentRun.start(catalog.get("test_crypto"), RunTrigger.SCHEDULE, false, scheduled,
                        scheduled.plusMillis(5))
                .finish(RunStatus.HOLD, "score below threshold")
                .completed(scheduled.plusMillis(900), List.of());
        journal.append(run);
        Files.writeString(journal.file(), "{\"runId\": \"torn-by-a-cra", StandardOpenOption.APPEND);
        Files.writeString(journal.file(), "\n", StandardOpenOption.APPEND);

        assertThat(journal.replay()).isEqualTo(2);

        assertThat(journal.backlog()).isZero();
        RunRecord stored = store.find(run.runId()).orElseThrow();
        assertThat(stored.status()).isEqualTo("HOLD");
        assertThat(stored.scheduledAt()).isEqualTo(scheduled);
        assertThat(stored.finishedAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(scheduled.plusMillis(900));
        assertThat(stored.note()).isEqualTo("score below threshold");
        assertThat(Files.readString(journal.file().resolveSibling(RunJournal.FILE + ".unreadable")))
                .contains("torn-by-a-cra");

        journal.append(run);
        assertThat(journal.replay()).isEqualTo(1);
        // (other tests of the shared context leave records of test_crypto: this run's are counted)
        assertThat(store.latest("test_crypto", 1000)).filteredOn(r -> r.runId().equals(run.runId())).hasSize(1);
    }
}
