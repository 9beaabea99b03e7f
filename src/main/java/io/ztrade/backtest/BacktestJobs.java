package io.ztrade.backtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The backtests in memory (all running or queued ones, and the newest {@code keep-finished} finished ones) and,
 * for those evicted, their files under {@code ztrade.replay.output-dir/<id>/}.
 */
final class BacktestJobs {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}");

    private final Map<String, BacktestJob> jobs = new ConcurrentHashMap<>();
    private final Path outputDir;
    private final int keepFinished;

    BacktestJobs(Path outputDir, int keepFinished) {
        this.outputDir = outputDir;
        this.keepFinished = keepFinished;
    }

    Path dirOf(String id) {
        return outputDir.resolve(id);
    }

    void add(BacktestJob job) {
        jobs.put(job.id(), job);
    }

    Optional<BacktestJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Newest first. */
    List<BacktestJob> latest(int limit) {
        return jobs.values().stream().sorted(Comparator.comparingLong(BacktestJob::submitted).reversed())
                .limit(limit).toList();
    }

    /** Jobs in memory with this status. */
    int count(BacktestJob.Status status) {
        return (int) jobs.values().stream().filter(j -> j.status() == status).count();
    }

    /** A backtest in memory or, once evicted, as its {@code report.json} on disk has it. */
    Optional<BacktestJob.View> view(String id) {
        BacktestJob job = jobs.get(id);
        if (job != null) {
            return Optional.of(job.view());
        }
        Path dir = dir(id).orElse(null);
        if (dir == null || !Files.isRegularFile(dir.resolve(ReportFiles.REPORT))) {
            return Optional.empty();
        }
        BacktestReport report = ReportFiles.read(dir.resolve(ReportFiles.REPORT));
        BacktestJob.Progress progress = new BacktestJob.Progress(report.runs(), report.runs(), 100, report.runsPerSecond(), 0.0);
        return Optional.of(new BacktestJob.View(id, report.agentId(), BacktestJob.Status.DONE, progress, report, List.of(),
                BacktestJob.files(id, dir), null));
    }

    /** The folder of a backtest's files, in memory or not; empty for an id that is not one. */
    Optional<Path> dir(String id) {
        BacktestJob job = jobs.get(id);
        if (job != null) {
            return Optional.of(job.dir());
        }
        return id != null && ID.matcher(id).matches() ? Optional.of(dirOf(id)) : Optional.empty();
    }

    /** Only the newest keep-finished finished jobs stay in memory; their files stay on disk. */
    synchronized void evict() {
        List<BacktestJob> finished = jobs.values().stream().filter(BacktestJob::finished)
                .sorted(Comparator.comparingLong(BacktestJob::finishedNanos)).toList();
        for (int i = 0; i < finished.size() - keepFinished; i++) {
            jobs.remove(finished.get(i).id());
        }
    }
}
