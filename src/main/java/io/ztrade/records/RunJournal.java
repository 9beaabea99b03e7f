package io.ztrade.records;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztrade.agent.AgentRun;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Performance records the database could not take (PostgreSQL down, a network cut) wait in an append-only journal
 * file, one JSON line per record, forced to disk before the run moves on; a background task offers them to the
 * database again every {@code ztrade.journal.replay-interval}. Writing is idempotent on run_id: a record the
 * database did store before the connection broke is recognised as a duplicate key and dropped from the journal, so
 * each run ends up in {@code agent_runs} exactly once.
 * <p>
 * (About 250 lines on purpose: append, replay and the rewrite that drops replayed lines share one file and its lock.)
 */
@Component
public class RunJournal {

    static final String FILE = "runs.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);
    private static final Set<String> TIMES = Set.of("scheduledAt", "startedAt", "finishedAt");
    private static final TypeReference<Map<String, Object>> LINE = new TypeReference<>() {
    };
    private static final String INSERT = RunRecordStatement.INSERT.replace(":?", ":");

    private final Path file;
    private final Path unreadable;
    private final JournalProperties settings;
    private final RunRecordStatement statement;
    private final NamedParameterJdbcTemplate jdbc;
    private final FailedRuns failedRuns;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Object fileLock = new Object();
    private final Object replayLock = new Object();
    private final AtomicInteger backlog = new AtomicInteger();
    private ScheduledExecutorService replays;

    public RunJournal(JournalProperties settings, RunRecordStatement statement, NamedParameterJdbcTemplate jdbc,
                      FailedRuns failedRuns, ObjectProvider<MeterRegistry> meters) {
        this.settings = settings;
        this.file = Path.of(settings.dir()).resolve(FILE);
        this.unreadable = Path.of(settings.dir()).resolve(FILE + ".unreadable");
        this.statement = statement;
        this.jdbc = jdbc;
        this.failedRuns = failedRuns;
        meters.ifAvailable(registry -> Gauge.builder("ztrade.journal.backlog", backlog, AtomicInteger::get)
                .description("Performance records waiting in the journal for the database").register(registry));
    }

    @PostConstruct
    void start() {
        synchronized (fileLock) {
            backlog.set(readLines().size());
        }
        if (backlog.get() > 0) {
            LOG.warn("{} performance records wait in {} for the database", backlog.get(), file.toAbsolutePath());
        }
        replays = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "run-journal-replay");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.replayInterval().toMillis();
        replays.scheduleWithFixedDelay(this::replayQuietly, Math.min(every, 1000), every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        replays.shutdownNow();
    }

    /** How many records wait for the database. */
    public int backlog() {
        return backlog.get();
    }

    public Path file() {
        return file;
    }

    /** The record-run route's error handler: the record of the exchange's run goes to the journal. */
    public void keep(Exchange exchange) {
        Object body = exchange.getProperty(FailedRuns.RUN_PROPERTY) != null ? exchange.getProperty(FailedRuns.RUN_PROPERTY)
                : exchange.getIn().getBody();
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (!(body instanceof AgentRun run)) {
            failedRuns.recordNotWritten(exchange);
            return;
        }
        try {
            append(run);
            LOG.warn("Performance record of {} run {} journalled ({}); {} waiting in {}", run.agentId(), run.runId(),
                    cause == null ? "database unavailable" : cause.getMessage(), backlog.get(), file);
        } catch (Exception e) {
            LOG.error("Cannot journal the performance record of run {} in {}: {}", run.runId(), file, e.getMessage());
            failedRuns.recordNotWritten(exchange);
        }
    }

    /** Appends the run's record and forces it to disk. */
    public void append(AgentRun run) throws IOException {
        Map<String, Object> parameters = new LinkedHashMap<>();
        statement.insert(run, parameters);
        parameters.replaceAll((name, value) -> value instanceof OffsetDateTime time ? time.toString() : value);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("runId", run.runId());
        line.put("parameters", parameters);
        byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (fileLock) {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            backlog.incrementAndGet();
        }
    }

    /**
     * Offers the journalled records to the database, oldest first, until one fails for want of a database.
     *
     * @return how many records left the journal
     */
    public int replay() {
        synchronized (replayLock) {
            List<String> lines;
            synchronized (fileLock) {
                lines = readLines();
            }
            int done = 0;
            int duplicates = 0;
            for (String line : lines) {
                Map<String, Object> parameters;
                try {
                    parameters = parameters(line);
                } catch (IOException | RuntimeException bad) {
                    // a line torn by a crash mid-write: set aside for a person, never silently dropped
                    LOG.error("Journal line unreadable ({}); moved to {}", bad.getMessage(), unreadable);
                    appendUnreadable(line);
                    done++;
                    continue;
                }
                try {
                    jdbc.update(INSERT, parameters);
                } catch (DuplicateKeyException alreadyStored) {
                    duplicates++;
                } catch (DataAccessException unavailable) {
                    LOG.debug("Database still unavailable for the journal: {}", unavailable.getMessage());
                    break;
                }
                done++;
            }
            if (done > 0) {
                dropFirst(done);
                LOG.info("Journal: {} performance records written to the database ({} were there already); {} waiting",
                        done - duplicates, duplicates, backlog.get());
            }
            return done;
        }
    }

    private void replayQuietly() {
        try {
            if (backlog.get() > 0) {
                replay();
            }
        } catch (RuntimeException e) {
            LOG.warn("Journal replay failed: {}", e.getMessage());
        }
    }

    private Map<String, Object> parameters(String line) throws IOException {
        Map<String, Object> entry = json.readValue(line, LINE);
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) entry.get("parameters");
        if (parameters == null || !(entry.get("runId") instanceof String)) {
            throw new IOException("no runId or parameters");
        }
        parameters.replaceAll((name, value) -> TIMES.contains(name) && value != null
                ? OffsetDateTime.parse(value.toString()) : value);
        return parameters;
    }

    /** Removes the first lines, which the replay handled; lines appended meanwhile stay. */
    private void dropFirst(int count) {
        synchronized (fileLock) {
            List<String> lines = readLines();
            List<String> rest = lines.subList(Math.min(count, lines.size()), lines.size());
            Path next = file.resolveSibling(FILE + ".next");
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (String line : rest) {
                    channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                }
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite the journal " + file, e);
            }
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace the journal " + file, e);
            }
            backlog.set(rest.size());
        }
    }

    private List<String> readLines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
    }

    private void appendUnreadable(String line) {
        try {
            Files.writeString(unreadable, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("Cannot set aside the unreadable journal line either: {}", line);
        }
    }
}
