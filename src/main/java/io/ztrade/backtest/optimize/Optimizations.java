package io.ztrade.backtest.optimize;

import io.ztrade.backtest.Backtests;
import io.ztrade.backtest.CsvHistory;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Optimisations as jobs: each takes a backtest slot ({@link Backtests#admitted}: the same admission, per-user cap and
 * threads as backtests, and a 429 when they are all taken), is checked at once, and runs on the backtest threads.
 * The newest {@link #KEEP_FINISHED} finished ones stay in memory, without their history.
 */
@Component
public class Optimizations {

    static final int KEEP_FINISHED = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Optimizations.class);

    private final Backtests backtests;
    private final Optimizer optimizer;
    private final Map<String, OptimizationJob> jobs = new ConcurrentHashMap<>();

    public Optimizations(Backtests backtests, Optimizer optimizer) {
        this.backtests = backtests;
        this.optimizer = optimizer;
    }

    /** Checks the spec now (an {@link IllegalArgumentException} naming what is wrong) and queues it for {@code owner}. */
    public OptimizationJob submit(OptimizationSpec spec, String owner, Optimizer.Listener listener) {
        return submit(spec, null, owner, listener);
    }

    /** As {@link #submit(OptimizationSpec, String, Optimizer.Listener)}; {@code bars} is the CSV of source csv. */
    public OptimizationJob submit(OptimizationSpec spec, CsvHistory.Source bars, String owner, Optimizer.Listener listener) {
        OptimizationJob[] job = new OptimizationJob[1];
        var future = backtests.admitted(owner, () -> {
            OptimizationJob j = new OptimizationJob(UUID.randomUUID().toString().substring(0, 8), owner, optimizer.plan(spec, bars));
            job[0] = j;
            jobs.put(j.id(), j);
            return () -> {
                run(j, listener);
                return null;
            };
        });
        job[0].future(future);
        return job[0];
    }

    private void run(OptimizationJob job, Optimizer.Listener listener) {
        job.running();
        Optimizer.Plan plan = job.plan();
        try {
            job.done(optimizer.run(plan, (done, total, best) -> {
                job.trial(done, best);
                listener.trial(done, total, best);
            }));
        } catch (Exception | OutOfMemoryError e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            job.failed(cause instanceof IllegalArgumentException || cause instanceof IllegalStateException ? cause.getMessage()
                    : "the optimisation failed (" + cause.getClass().getSimpleName() + "); see the app's log");
            LOG.warn("Optimisation {} of {} failed", job.id(), plan.spec().agent(), cause);
        } finally {
            evict();
        }
    }

    /** Waits for the job to end (the command line's and the tests' way). */
    public OptimizationJob await(OptimizationJob job) {
        try {
            job.future().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the job records its own failure
        }
        return job;
    }

    public Optional<OptimizationJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private synchronized void evict() {
        jobs.values().stream().filter(OptimizationJob::finished).sorted(Comparator.comparingLong(OptimizationJob::submitted).reversed())
                .skip(KEEP_FINISHED).toList().forEach(j -> jobs.remove(j.id()));
    }
}
