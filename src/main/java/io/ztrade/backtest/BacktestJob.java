package io.ztrade.backtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One backtest while it runs and after: its state, its progress and, when done, its report and sweep table. */
public final class BacktestJob {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** Progress: replayed fire times of all combinations, speed and time left. */
    public record Progress(int done, int total, double percent, double runsPerSecond, Double etaSeconds) {
    }

    /** One line of a sweep's table, best Sharpe first. */
    public record SweepRow(Map<String, String> parameters, double totalReturn, Double sharpe, double maxDrawdown,
                           int trades, Double winRate) {
    }

    /** What the API shows of a backtest. */
    public record View(String id, String agent, Status status, Progress progress, BacktestReport report,
                       List<SweepRow> sweep, Map<String, String> files, String error) {
    }

    private final String id;
    private final PreparedBacktest prepared;
    private final String owner;
    private final Path dir;
    private final long submitted = System.nanoTime();
    private volatile long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final int total;
    private final AtomicLong finishedNanos = new AtomicLong();
    private volatile Status status = Status.QUEUED;
    private volatile BacktestReport report;
    private volatile List<SweepRow> sweep = List.of();
    private volatile String error;
    private volatile Future<?> coordinator;

    BacktestJob(String id, PreparedBacktest prepared, int total, String owner, Path dir) {
        this.id = id;
        this.prepared = prepared;
        this.total = total;
        this.owner = owner;
        this.dir = dir;
    }

    public String owner() {
        return owner;
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public BacktestReport report() {
        return report;
    }

    public List<SweepRow> sweep() {
        return sweep;
    }

    public Path dir() {
        return dir;
    }

    PreparedBacktest prepared() {
        return prepared;
    }

    int total() {
        return total;
    }

    long submitted() {
        return submitted;
    }

    long finishedNanos() {
        return finishedNanos.get();
    }

    Future<?> coordinator() {
        return coordinator;
    }

    void coordinator(Future<?> future) {
        this.coordinator = future;
    }

    void running() {
        started = System.nanoTime();
        status = Status.RUNNING;
    }

    /** One more fire time replayed, in any combination; the count so far. */
    int advanced() {
        return done.incrementAndGet();
    }

    void done(BacktestReport best, List<SweepRow> rows) {
        sweep = rows;
        report = best;
        status = Status.DONE;
    }

    void failed(String message) {
        error = message;
        status = Status.FAILED;
    }

    void ended() {
        finishedNanos.set(System.nanoTime());
    }

    boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    public Progress progress() {
        int d = done.get();
        long end = finishedNanos.get() == 0 ? System.nanoTime() : finishedNanos.get();
        double seconds = (end - started) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        Double eta = finished() ? Double.valueOf(0) : rate > 0 ? (total - d) / rate : null;
        return new Progress(d, total, total == 0 ? 100 : 100.0 * d / total, rate, eta);
    }

    public View view() {
        Map<String, String> files = status == Status.DONE ? files(id, dir) : Map.of();
        return new View(id, prepared.spec().agent(), status, progress(), report, sweep, files, error);
    }

    /** The API's links to the files a finished backtest wrote in {@code dir}. */
    static Map<String, String> files(String id, Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : List.of(ReportFiles.REPORT, ReportFiles.EQUITY_CHART, ReportFiles.DRAWDOWN_CHART, ReportFiles.TRADES)) {
            if (Files.exists(dir.resolve(f))) {
                files.put(f, "/api/backtests/" + id + "/files/" + f);
            }
        }
        return files;
    }
}
