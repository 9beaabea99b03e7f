package io.ztrade.backtest;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.market.MarketCalendar;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.ProviderEndpoints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Backtests: checks a {@link BacktestSpec} at once ({@link BacktestPreparation}: agent, dates, source, parameters,
 * history, {@link BacktestSize size}), then replays it ({@link SweepRun}: every sweep combination in parallel) on its
 * own threads, keeping progress and, when done, the report and its files under {@code ztrade.replay.output-dir/<id>/}.
 * <p>
 * Bounded by {@link BacktestProperties}: a sweep is sized before it is built, the range, bars, runs and estimated
 * heap of a job are capped, at most {@code max-running} replay at once with {@code max-queued} waiting
 * ({@link BacktestSlots}, then a 429), and only the newest {@code keep-finished} finished jobs stay in memory
 * ({@link BacktestJobs}; the others are read back from their {@code report.json}).
 */
@Component
public class Backtests {

    /** Backtests replaying now, waiting, and the slots there are: what health reports. */
    public record Load(int running, int queued, int maxRunning, int maxQueued) {
        public boolean saturated() {
            return running + queued >= maxRunning + maxQueued;
        }
    }

    private final BacktestProperties limits;
    private final BacktestPreparation preparation;
    private final BacktestSize size;
    private final BacktestSlots slots;
    private final BacktestJobs jobs;
    private final SweepRun sweepRun;
    private final ExecutorService coordinators;
    private final ExecutorService replays;
    private final int parallelism;

    public Backtests(ReplayEngine engine, AgentCatalog catalog, MarketCalendar calendar, RecordedRuns recorded,
                     ReplayProperties properties, BacktestProperties limits, AlpacaClient alpacaClient,
                     ProviderEndpoints endpoints, ObjectMapper mapper) {
        this.limits = limits;
        this.size = new BacktestSize(engine, limits, properties.parallelism());
        this.preparation = new BacktestPreparation(engine, catalog, calendar, recorded, properties, limits,
                new AlpacaHistory(alpacaClient, endpoints, mapper), size);
        this.slots = new BacktestSlots(limits);
        this.jobs = new BacktestJobs(properties.outputDir(), limits.keepFinished());
        // a fixed pool: admission (slots) keeps its queue within max-queued
        this.coordinators = Executors.newFixedThreadPool(limits.maxRunning(), named("backtest"));
        this.parallelism = properties.parallelism();
        this.replays = Executors.newFixedThreadPool(parallelism, named("replay"));
        this.sweepRun = new SweepRun(engine, replays);
    }

    @PreDestroy
    void stop() {
        coordinators.shutdownNow();
        replays.shutdownNow();
    }

    /** Checks the spec and loads its history; every mistake is an {@link IllegalArgumentException} saying what. */
    public PreparedBacktest prepare(BacktestSpec spec) {
        return prepare(spec, null);
    }

    /**
     * As {@link #prepare(BacktestSpec)}; {@code bars} (an upload, or the command line's own file) is the CSV of
     * source csv, else a CSV comes by name from {@code ztrade.backtest.data-dir} only.
     */
    public PreparedBacktest prepare(BacktestSpec spec, CsvHistory.Source bars) {
        return preparation.prepare(spec, bars);
    }

    /** Checks the spec now, replays it on the backtest threads (the command line's and the tests' way). */
    public BacktestJob submit(BacktestSpec spec) {
        return submit(spec, null, "local");
    }

    /**
     * Checks the spec now and queues it for {@code owner}; {@link BacktestSlots.BusyException} if every slot, or
     * every slot of the owner, is taken (checked before the history is loaded).
     */
    public BacktestJob submit(BacktestSpec spec, CsvHistory.Source bars, String owner) {
        slots.reserve(owner);
        try {
            return queue(prepare(spec, bars), owner, ReplayEngine.Progress.NONE);
        } catch (RuntimeException e) {
            slots.release(owner);
            throw e;
        }
    }

    /** Starts a prepared backtest; {@code listener} hears the progress of all its replays together. */
    public BacktestJob start(PreparedBacktest prepared, ReplayEngine.Progress listener) {
        return start(prepared, "local", listener);
    }

    public BacktestJob start(PreparedBacktest prepared, String owner, ReplayEngine.Progress listener) {
        slots.reserve(owner);
        try {
            return queue(prepared, owner, listener);
        } catch (RuntimeException e) {
            slots.release(owner);
            throw e;
        }
    }

    private BacktestJob queue(PreparedBacktest prepared, String owner, ReplayEngine.Progress listener) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        BacktestJob job = new BacktestJob(id, prepared, total(prepared), owner, jobs.dirOf(id));
        jobs.add(job);
        job.coordinator(coordinators.submit(() -> {
            try {
                sweepRun.run(job, listener);
            } finally {
                slots.release(owner);
                jobs.evict();
            }
        }));
        return job;
    }

    /**
     * Runs other work on a backtest slot (an optimisation: many backtests as one job): the slot is taken first
     * ({@link BacktestSlots.BusyException} if none is free), then {@code prepare} checks the request and loads its
     * history (the slot is given back if it throws), and the work it returns runs on the backtest threads.
     */
    public <T> Future<T> admitted(String owner, Supplier<Callable<T>> prepare) {
        slots.reserve(owner);
        try {
            Callable<T> work = prepare.get();
            return coordinators.submit(() -> {
                try {
                    return work.call();
                } finally {
                    slots.release(owner);
                }
            });
        } catch (RuntimeException e) {
            slots.release(owner);
            throw e;
        }
    }

    /** Fire times one replay of the prepared backtest's (first) request replays. */
    public int runs(PreparedBacktest prepared) {
        return size.total(new PreparedBacktest(prepared.spec(), prepared.source(), prepared.requests().subList(0, 1)));
    }

    /**
     * An optimisation of {@code prepared} within the caps of one backtest job ({@code max-runs-per-job},
     * {@code max-heap-per-job}): {@code trials} over all walk-forward windows, {@code runs} fire times replayed in
     * all, {@code days} of daily returns each trial keeps; an {@link IllegalArgumentException} saying what is over.
     */
    public void checkTrials(PreparedBacktest prepared, long trials, long runs, long days) {
        size.checkTrials(prepared, trials, runs, days);
    }

    /** Runs the tasks on the replay threads (as a sweep's combinations) and waits for them all, in order. */
    public <T> List<T> inParallel(List<Callable<T>> tasks) throws InterruptedException, ExecutionException {
        List<T> results = new ArrayList<>();
        for (Future<T> f : replays.invokeAll(tasks)) {
            results.add(f.get());
        }
        return results;
    }

    /** The replay threads: how many trials run at once. */
    public int parallelism() {
        return parallelism;
    }

    /** Waits for the job to end (the command line's and the tests' way). */
    public BacktestJob await(BacktestJob job) {
        try {
            job.coordinator().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the job records its own failure
        }
        return job;
    }

    public Load load() {
        return new Load(jobs.count(BacktestJob.Status.RUNNING), jobs.count(BacktestJob.Status.QUEUED),
                limits.maxRunning(), limits.maxQueued());
    }

    /** Fire times to replay, over all combinations. */
    public int total(PreparedBacktest prepared) {
        return size.total(prepared);
    }

    /** The backtests in memory, newest first (the newest {@code keep-finished} finished ones, and all running). */
    public List<BacktestJob> latest(int limit) {
        return jobs.latest(limit);
    }

    public Optional<BacktestJob> find(String id) {
        return jobs.find(id);
    }

    /** A backtest in memory or, once evicted, as its {@code report.json} on disk has it. */
    public Optional<BacktestJob.View> view(String id) {
        return jobs.view(id);
    }

    /** The folder of a backtest's files, in memory or not; empty for an id that is not one. */
    public Optional<Path> dir(String id) {
        return jobs.dir(id);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
