package io.ztrade.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The first and last steps of every agent route: make the run from the trigger, and stamp its end. */
@Component
public class AgentRuns {

    /** Job data a manual or start-up trigger passes along (strings, so a JDBC job store keeps them). */
    public static final String TRIGGER_KEY = "ztrade.trigger";
    public static final String FORCE_KEY = "ztrade.force";
    /** A manual run's id, chosen when it is requested (its client order id derives from it). */
    public static final String RUN_ID_KEY = "ztrade.runId";

    static final String RUN_START_NANOS = "ztrade.runStartNanos";

    /** The name the template calls this bean by ({@code {{agentRuns:agentRuns}}}). */
    public static final String BEAN = "agentRuns";

    /** The exchange property holding the run's one-line summary, for the template's log step. */
    public static final String SUMMARY = "runSummary";

    /** The summary line, made only when the log step writes it (a replay logs at TRACE, thousands of runs a second). */
    record Summary(AgentRun run) {
        @Override
        public String toString() {
            return run.summary();
        }
    }

    private final AgentCatalog catalog;
    private final InFlightRuns inFlight;
    private final RunLogs logs;

    /** Runs not tracked for a shutdown and keeping no log of their own (a replay's, a test's). */
    public AgentRuns(AgentCatalog catalog) {
        this(catalog, null, null);
    }

    @Autowired
    public AgentRuns(AgentCatalog catalog, InFlightRuns inFlight, RunLogs logs) {
        this.catalog = catalog;
        this.inFlight = inFlight;
        this.logs = logs;
    }

    public AgentRun start(Exchange exchange) {
        AgentSettings agent = settingsOf(exchange);
        exchange.setProperty(RUN_START_NANOS, System.nanoTime());
        StepTimer.timingsOf(exchange);
        Instant now = Instant.now();
        Date fireTime = exchange.getIn().getHeader("scheduledFireTime", Date.class);
        Map<?, ?> jobData = exchange.getIn().getHeader("mergedJobDataMap", Map.class);
        RunTrigger trigger = RunTrigger.SCHEDULE;
        boolean force = false;
        String runId = null;
        if (jobData != null && jobData.get(TRIGGER_KEY) != null) {
            trigger = RunTrigger.valueOf(jobData.get(TRIGGER_KEY).toString());
            force = Boolean.parseBoolean(String.valueOf(jobData.get(FORCE_KEY)));
            runId = jobData.get(RUN_ID_KEY) == null ? null : jobData.get(RUN_ID_KEY).toString();
        }
        AgentRun run = AgentRun.start(runId == null ? newRunId() : runId, agent, trigger, force,
                fireTime == null ? now : fireTime.toInstant(), now);
        if (inFlight != null) {
            inFlight.started(exchange, run);
        }
        if (logs != null && run.trigger() != RunTrigger.REPLAY) {
            logs.open(exchange, run);
        }
        return run;
    }

    /**
     * The runs bean of a throw-away route (a replay's, a test's: {@link ThrowAwayRoutes}), bound to it as its
     * template-local {@value #BEAN}: the same first and last steps, with that agent's settings (the route is not in
     * the catalog), and not tracked for a shutdown.
     */
    public static AgentRuns of(AgentSettings settings) {
        return new AgentRuns(null) {
            @Override
            protected AgentSettings settingsOf(Exchange exchange) {
                return settings;
            }

            /**
             * A version-4 UUID from the thread's own generator: unique within the replay (its paper broker's client
             * order ids), without SecureRandom's cost (4 % of a replayed run's CPU samples) for ids no one can guess
             * at anyway.
             */
            @Override
            protected String newRunId() {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
                long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
                return new UUID(msb, lsb).toString();
            }
        };
    }

    /** The id of a new run: a random (SecureRandom) UUID, which its client order ids derive from. */
    protected String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** The agent this route runs; a throw-away route's runs bean brings its own settings (see {@link #of}). */
    protected AgentSettings settingsOf(Exchange exchange) {
        return catalog.get(exchange.getFromRouteId());
    }

    /**
     * The gates of a template written before {@link RunInProgress} (a copy in a desk's routes/): still works, at the
     * bean language's cost.
     */
    public boolean inProgress(AgentRun run) {
        return run.inProgress();
    }

    public AgentRun complete(AgentRun run, Exchange exchange) {
        AgentRun completed = run.completed(Instant.now(), timings(exchange));
        exchange.setProperty(SUMMARY, new Summary(completed));
        return completed;
    }

    static List<StepTiming> timings(Exchange exchange) {
        Long base = exchange.getProperty(RUN_START_NANOS, Long.class);
        long start = base == null ? System.nanoTime() : base;
        return StepTimer.timingsOf(exchange).stream()
                .sorted(Comparator.comparingLong(StepTimer.RawTiming::startNanos))
                .map(t -> new StepTiming(t.step(), (t.startNanos() - start) / 1e6, (t.endNanos() - t.startNanos()) / 1e6))
                .toList();
    }
}
