package io.ztrade.records;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code runJournal}: how many performance records wait for the database.
 * A backlog is not a failure (runs go on and nothing is lost), so it stays UP and says how many.
 */
@Component("runJournalHealthIndicator")
class RunJournalHealth implements HealthIndicator {

    private final RunJournal journal;

    RunJournalHealth(RunJournal journal) {
        this.journal = journal;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("backlog", journal.backlog()).withDetail("file", journal.file().toString()).build();
    }
}
