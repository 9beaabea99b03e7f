package io.ztrade.agent;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.ztrade.provider.SecretMasker;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Each live run's own log: every line the app logs while the run goes on, kept with the run (level, time, step,
 * message; secrets masked; at most {@link RunLogsProperties#maxLines()} lines of at most
 * {@link RunLogsProperties#maxLineLength()} characters), then written to the records ({@link RunLogStore}) on the
 * records pool once the run has ended.
 * <p>
 * A run hops threads (the analyses pool, a redelivery, the dead letter), so its lines are found by the run, not by
 * the thread: {@link AgentRuns#start} puts the run's id in the MDC ({@value #RUN_ID}), the agents' two pools carry
 * the submitting thread's MDC into each task ({@link MdcExecutorService}), {@link StepTimer} names the step
 * ({@value #STEP}), and one Logback appender on the root logger gives each event with a run id to that run's open
 * log. A line with the id of a run that has ended (a thread's stale MDC) belongs to no open log and is left out,
 * never put in another run's.
 */
@Component
public class RunLogs implements DisposableBean {

    /** MDC: the id of the run this thread works for. */
    public static final String RUN_ID = "ztrade.runId";
    /** MDC: the template step this thread is in. */
    public static final String STEP = "ztrade.step";

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RunLogs.class);

    private final Map<String, RunLog> open = new ConcurrentHashMap<>();
    /** Logs of ended runs on their way to the store: still read from here until written. */
    private final Map<String, RunLog> writing = new ConcurrentHashMap<>();
    private final RunLogStore store;
    private final SecretMasker masker;
    private final RunLogsProperties limits;
    private final CamelContext camel;
    private final Appender appender = new Appender();
    private final Logger root;

    public RunLogs(RunLogStore store, SecretMasker masker, RunLogsProperties limits, CamelContext camel) {
        this.store = store;
        this.masker = masker;
        this.limits = limits;
        this.camel = camel;
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            appender.setContext(logback);
            appender.setName("ztrade-run-logs-" + System.identityHashCode(this));
            appender.start();
            root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.addAppender(appender);
        } else {
            root = null;
            LOG.warn("the logging backend is not Logback ({}): runs keep no log of their own",
                    LoggerFactory.getILoggerFactory().getClass().getName());
        }
    }

    /** Whether this thread works for a live run now (its lines go to that run's log). */
    public static boolean inLiveRun() {
        return MDC.get(RUN_ID) != null;
    }

    /**
     * Opens the run's log as its first step starts: the thread's MDC names the run, and the exchange's end (however
     * it ended) closes the log and hands it to the store.
     */
    void open(Exchange exchange, AgentRun run) {
        if (root != null && (!root.isAttached(appender) || !appender.isStarted())) {
            // a Spring context started or closed in this JVM reset Logback's configuration (tests, a reload), which
            // detaches and stops every appender of the root logger: a stopped appender takes no event
            if (!appender.isStarted()) {
                appender.start();
            }
            if (!root.isAttached(appender)) {
                root.addAppender(appender);
            }
        }
        open.putIfAbsent(run.runId(), new RunLog(run.runId(), run.agentId(), limits));
        MDC.put(RUN_ID, run.runId());
        MDC.remove(STEP);
        String runId = run.runId();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                if (runId.equals(MDC.get(RUN_ID))) {
                    MDC.remove(RUN_ID);
                    MDC.remove(STEP);
                }
                close(runId);
            }
        });
    }

    /** The lines of a run still going on; empty when it is not running here. */
    public Optional<List<RunLogLine>> live(String runId) {
        return Optional.ofNullable(open.get(runId)).map(RunLog::lines);
    }

    /** The run's log: the live one while it runs here (or is being written), else what the store kept. */
    public List<RunLogLine> lines(String runId) {
        return live(runId).or(() -> Optional.ofNullable(writing.get(runId)).map(RunLog::lines))
                .orElseGet(() -> store.lines(runId));
    }

    private void close(String runId) {
        RunLog log = open.remove(runId);
        if (log == null) {
            return;
        }
        List<RunLogLine> lines = log.lines();
        if (lines.isEmpty()) {
            return;
        }
        writing.put(runId, log);
        Runnable write = () -> write(log, lines);
        Object pool = camel.getRegistry().lookupByName(AgentThreadPools.RECORDS);
        try {
            if (pool instanceof Executor executor && !camel.isStopping() && !camel.isStopped()) {
                executor.execute(write);
                return;
            }
        } catch (RejectedExecutionException shuttingDown) {
            // the pool is going away with the context: write here
        }
        write.run();
    }

    private void write(RunLog log, List<RunLogLine> lines) {
        try {
            store.append(log.runId, log.agentId, lines);
        } catch (RuntimeException e) {
            LOG.warn("the log of run {} of {} ({} lines) could not be stored: {}", log.runId, log.agentId, lines.size(),
                    masker.mask(String.valueOf(e.getMessage())));
        } finally {
            writing.remove(log.runId, log);
        }
    }

    /** A shutdown keeps the logs of the runs it cuts: each open log is written as it is. */
    @Override
    public void destroy() {
        if (root != null) {
            root.detachAppender(appender);
        }
        appender.stop();
        for (RunLog log : List.copyOf(open.values())) {
            open.remove(log.runId);
            List<RunLogLine> lines = log.lines();
            if (!lines.isEmpty()) {
                write(log, lines);
            }
        }
    }

    /** The text of one event: its message and its exception's chain, masked, then cut to the line limit. */
    String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        int depth = 0;
        for (IThrowableProxy t = event.getThrowableProxy(); t != null && depth < 4; t = t.getCause(), depth++) {
            text.append(depth == 0 ? " | " : " <- caused by ").append(t.getClassName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        int max = limits.maxLineLength();
        // masked before it is cut, so a cut never leaves part of a secret unmasked (a secret is far below the limit)
        String masked = masker.mask(text.length() > 2 * max ? text.substring(0, 2 * max) : text.toString());
        return masked.length() > max ? masked.substring(0, max - 1) + "…" : masked;
    }

    private final class Appender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            Map<String, String> mdc = event.getMDCPropertyMap();
            String runId = mdc == null ? null : mdc.get(RUN_ID);
            RunLog log = runId == null ? null : open.get(runId);
            if (log != null) {
                log.add(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(), mdc.get(STEP),
                        event.getLoggerName(), () -> text(event));
            }
        }
    }

    /** One run's open log: its first lines and its last, and how many were left out between. */
    static final class RunLog {
        private final String runId;
        private final String agentId;
        private final int headLines;
        private final int tailLines;
        private final List<RunLogLine> head = new ArrayList<>();
        private final ArrayDeque<RunLogLine> tail = new ArrayDeque<>();
        private int seq;
        private int leftOut;
        private int firstLeftOut;
        private Instant leftOutAt;

        RunLog(String runId, String agentId, RunLogsProperties limits) {
            this.runId = runId;
            this.agentId = agentId;
            this.tailLines = limits.tailLines();
            this.headLines = limits.maxLines() - limits.tailLines() - 1;
        }

        synchronized void add(Instant at, String level, String step, String logger, java.util.function.Supplier<String> text) {
            seq++;
            if (head.size() < headLines) {
                head.add(new RunLogLine(seq, at, level, step, logger, text.get()));
                return;
            }
            tail.addLast(new RunLogLine(seq, at, level, step, logger, text.get()));
            if (tail.size() > tailLines) {
                RunLogLine dropped = tail.removeFirst();
                if (leftOut++ == 0) {
                    firstLeftOut = dropped.seq();
                    leftOutAt = dropped.at();
                }
            }
        }

        synchronized List<RunLogLine> lines() {
            List<RunLogLine> lines = new ArrayList<>(head.size() + tail.size() + 1);
            lines.addAll(head);
            if (leftOut > 0) {
                lines.add(new RunLogLine(firstLeftOut, leftOutAt, "WARN", null, RunLogs.class.getName(),
                        leftOut + " lines left out here (lines " + firstLeftOut + " to " + (firstLeftOut + leftOut - 1)
                                + "): a run keeps its first " + head.size() + " and its last " + tailLines
                                + " lines (ztrade.run-logs.max-lines)"));
            }
            lines.addAll(tail);
            return lines;
        }
    }
}
