package io.ztrade.backtest.optimize;

import io.ztrade.backtest.BacktestJob;
import java.util.concurrent.Future;

/** One optimisation while it runs and after: status, trials done, the best objective so far and, when done, the result. */
public final class OptimizationJob {

    /** What the API shows: {@code progress} counts trials (over all walk-forward windows). */
    public record View(String id, String agent, String objective, BacktestJob.Status status, Progress progress,
                       OptimizationResult result, String error) {
    }

    public record Progress(int done, int total, double percent, Double best) {
    }

    private final String id;
    private final String owner;
    private final String agent;
    private final String objective;
    private final int total;
    /** The history and every input: let go once the job ends (finished jobs are kept to be read). */
    private volatile Optimizer.Plan plan;
    private final long submitted = System.nanoTime();
    private volatile BacktestJob.Status status = BacktestJob.Status.QUEUED;
    private volatile int done;
    private volatile Double best;
    private volatile OptimizationResult result;
    private volatile String error;
    private volatile Future<?> future;

    OptimizationJob(String id, String owner, Optimizer.Plan plan) {
        this.id = id;
        this.owner = owner;
        this.plan = plan;
        this.agent = plan.spec().agent();
        this.objective = plan.objective().cliName();
        this.total = plan.total();
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public BacktestJob.Status status() {
        return status;
    }

    public OptimizationResult result() {
        return result;
    }

    /** Null once the job has ended. */
    Optimizer.Plan plan() {
        return plan;
    }

    long submitted() {
        return submitted;
    }

    Future<?> future() {
        return future;
    }

    void future(Future<?> f) {
        future = f;
    }

    void running() {
        status = BacktestJob.Status.RUNNING;
    }

    void trial(int doneSoFar, Double bestSoFar) {
        done = doneSoFar;
        best = bestSoFar;
    }

    void done(OptimizationResult r) {
        result = r;
        status = BacktestJob.Status.DONE;
        plan = null;
    }

    void failed(String message) {
        error = message;
        status = BacktestJob.Status.FAILED;
        plan = null;
    }

    boolean finished() {
        return status == BacktestJob.Status.DONE || status == BacktestJob.Status.FAILED;
    }

    public View view() {
        return new View(id, agent, objective, status,
                new Progress(done, total, total == 0 ? 100 : 100.0 * done / total, best), result, error);
    }
}
