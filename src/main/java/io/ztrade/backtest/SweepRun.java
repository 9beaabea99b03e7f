package io.ztrade.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays every combination of a backtest in parallel on the replay threads, reduces each to its report at once (a
 * sweep holds rows, not runs), writes the best one's files and ends the job DONE or FAILED with a reason.
 */
final class SweepRun {

    /** Backtests' logger: application-backtest.yml quiets it by that name. */
    private static final Logger LOG = LoggerFactory.getLogger(Backtests.class);

    private final ReplayEngine engine;
    private final ExecutorService replays;

    SweepRun(ReplayEngine engine, ExecutorService replays) {
        this.engine = engine;
        this.replays = replays;
    }

    void run(BacktestJob job, ReplayEngine.Progress listener) {
        job.running();
        PreparedBacktest prepared = job.prepared();
        try {
            ReplayEngine.Progress progress = (d, t) -> listener.advanced(job.advanced(), job.total());
            List<ReplayRequest> requests = prepared.requests();
            BacktestJob.SweepRow[] rows = new BacktestJob.SweepRow[requests.size()];
            Best best = new Best();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                int index = i;
                futures.add(replays.submit(() -> {
                    ReplayResult result = engine.replay(requests.get(index), progress);
                    BacktestReport r = BacktestReport.of(requests.get(index), prepared.source(), result);
                    rows[index] = new BacktestJob.SweepRow(r.overrides(), r.totalReturn(), r.sharpe(), r.maxDrawdown(), r.trades(), r.winRate());
                    best.offer(index, r, result.fills());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            ReportFiles.write(job.dir(), best.report, best.fills);
            job.done(best.report, rows.length < 2 ? List.of() : Arrays.stream(rows)
                    .sorted(Comparator.comparingDouble((BacktestJob.SweepRow r) -> score(r.sharpe())).reversed())
                    .toList());
            LOG.info("Backtest {} of {} done: {} runs, return {}, files in {}", job.id(), prepared.spec().agent(),
                    job.progress().done(), String.format(Locale.ROOT, "%+.2f%%", 100 * best.report.totalReturn()), job.dir());
        } catch (Exception | OutOfMemoryError e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            job.failed(cause instanceof IllegalArgumentException || cause instanceof IllegalStateException ? cause.getMessage()
                    : "the backtest failed (" + cause.getClass().getSimpleName() + "); see the app's log");
            LOG.warn("Backtest {} of {} failed", job.id(), prepared.spec().agent(), cause);
        } finally {
            job.ended();
        }
    }

    private static double score(Double sharpe) {
        return sharpe == null ? Double.NEGATIVE_INFINITY : sharpe;
    }

    /** The best combination so far: highest Sharpe, the first one on a tie (as if replayed in order). */
    private static final class Best {
        private int index = -1;
        private BacktestReport report;
        private List<PaperBroker.Fill> fills;

        synchronized void offer(int i, BacktestReport r, List<PaperBroker.Fill> f) {
            if (index < 0 || score(r.sharpe()) > score(report.sharpe()) || (score(r.sharpe()) == score(report.sharpe()) && i < index)) {
                index = i;
                report = r;
                fills = f;
            }
        }
    }
}
