package io.ztrade.backtest.optimize;

import io.ztrade.backtest.BacktestReport;
import io.ztrade.backtest.BacktestSpec;
import io.ztrade.backtest.CsvHistory;
import io.ztrade.backtest.optimize.OptimizationResult.Ranked;
import io.ztrade.backtest.optimize.OptimizationResult.WindowResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/backtest ... --optimize threshold=0.05:0.4 --trials 200 --objective sharpe [--walk-forward train=6M,test=1M]}:
 * runs the optimisation with a progress bar on a terminal (a plain line every tenth of the trials otherwise) and
 * prints the best parameter sets with their figures, or the walk-forward windows and the stitched out-of-sample
 * figures. The command line then backtests the winner as any backtest, for its full report and files.
 */
public final class OptimizeCommand {

    /** The optimisation's command-line options (values as typed) and their meaning, for the usage text. */
    public static final String USAGE = """
              --optimize NAME=LO:HI,...    search these template parameters (CMA-ES), e.g. threshold=0.05:0.4,sentimentWeight=0:1
              --trials N                   backtests the search may run (per walk-forward window; default 100)
              --objective NAME             sharpe (default), sortino, calmar, return or profit-factor
              --walk-forward train=6M,test=1M   optimise over rolling in-sample windows, test each winner on the next
            """;

    private OptimizeCommand() {
    }

    /**
     * Runs it; the winner's backtest spec (the spec with the best parameters on top), or null when there is none to
     * backtest (a walk-forward analysis prints its own out-of-sample report).
     */
    public static BacktestSpec run(ApplicationContext app, BacktestSpec backtest, CsvHistory.Source bars, Map<String, String> options,
                                   PrintStream out, PrintStream err) {
        OptimizationSpec spec = new OptimizationSpec(backtest.agent(), backtest.from(), backtest.to(), backtest.source(),
                backtest.csv(), backtest.sentiment(), backtest.parameters(), backtest.startingCash(),
                backtest.commissionPerOrder(), backtest.commissionBps(), backtest.slippageBps(), backtest.seed(),
                options.get("optimize"), trials(options.get("trials")), options.get("objective"), options.get("walk-forward"));
        Optimizations optimizations = app.getBean(Optimizations.class);
        String objective = Objective.named(spec.objective()).cliName();
        boolean terminal = System.console() != null;
        // the total is known once the spec is checked: the first trial tells it
        ProgressBar bar = terminal ? new ProgressBarBuilder().setTaskName(backtest.agent()).setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" trials", 1).showSpeed().setUpdateIntervalMillis(250)
                .continuousUpdate().build() : null;
        OptimizationJob job;
        try {
            job = optimizations.await(optimizations.submit(spec, bars, "local", (done, all, best) -> {
                if (bar != null) {
                    bar.maxHint(all);
                    bar.stepTo(done);
                    bar.setExtraMessage(best == null ? "" : String.format(Locale.ROOT, " best %.3f", best));
                } else if (done % Math.max(1, all / 10) == 0 || done == all) {
                    err.printf(Locale.ROOT, "optimize %s: %d/%d trials, best %s %s%n", backtest.agent(), done, all,
                            objective, best == null ? "n/a" : String.format(Locale.ROOT, "%.3f", best));
                }
            }));
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        if (job.status() != io.ztrade.backtest.BacktestJob.Status.DONE) {
            throw new IllegalStateException(job.view().error());
        }
        OptimizationResult r = job.result();
        out.print(report(r, spec));
        if (r.walkForward() != null || r.best().isEmpty()) {
            return null;
        }
        Map<String, Object> parameters = new LinkedHashMap<>(backtest.parameters() == null ? Map.of() : backtest.parameters());
        parameters.putAll(r.best().get(0).parameters());
        return new BacktestSpec(backtest.agent(), backtest.from(), backtest.to(), backtest.source(), backtest.csv(),
                backtest.sentiment(), parameters, null, backtest.startingCash(), backtest.commissionPerOrder(),
                backtest.commissionBps(), backtest.slippageBps(), backtest.seed());
    }

    static String report(OptimizationResult r, OptimizationSpec spec) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%noptimisation of %s  %s .. %s  objective %s  over %s%n", r.agent(), spec.from(),
                spec.to(), r.objective(), r.ranges().stream().map(p -> p.name() + " " + p.text(p.lo()) + ".." + p.text(p.hi())
                        + (p.integer() ? " (whole)" : "")).collect(Collectors.joining(", "))));
        s.append(String.format(Locale.ROOT, "  %d distinct trials in %.1f s, %.1f trials/s%n", r.trials(), r.elapsedSeconds(),
                r.trialsPerSecond()));
        if (r.walkForward() == null) {
            s.append(String.format(Locale.ROOT, "%nbest parameter sets, best %s first:%n", r.objective()));
            s.append(String.format(Locale.ROOT, "  %-40s %9s %9s %8s %8s %8s %8s %9s %7s%n", "parameters", r.objective(),
                    "return", "Sharpe", "Sortino", "Calmar", "PF", "drawdown", "trades"));
            for (Ranked b : r.best()) {
                BacktestReport x = b.report();
                s.append(String.format(Locale.ROOT, "  %-40s %9s %9s %8s %8s %8s %8s %9s %7d%n", text(b.parameters()),
                        num(b.objective()), pct(x.totalReturn()), num(x.sharpe()), num(x.sortino()), num(x.calmar()),
                        num(x.profitFactor()), share(x.maxDrawdown()), x.trades()));
            }
            s.append(String.format(Locale.ROOT, "  best set: probabilistic Sharpe %s, deflated Sharpe %s (for %d trials)%n",
                    num(r.probabilisticSharpe()), num(r.deflatedSharpe()), r.trials()));
            return s.toString();
        }
        OptimizationResult.WalkForward wf = r.walkForward();
        s.append(String.format(Locale.ROOT, "%nwalk-forward %s: %d windows, each winner tested on the next window%n",
                spec.walkForward(), wf.windows().size()));
        s.append(String.format(Locale.ROOT, "  %-3s %-23s %-23s %-36s %9s %9s %9s %7s %8s%n", "#", "in-sample", "out-of-sample",
                "parameters chosen", "IS " + r.objective(), "OOS", "OOS ret", "trades", "IS DSR"));
        for (WindowResult w : wf.windows()) {
            s.append(String.format(Locale.ROOT, "  %-3d %-23s %-23s %-36s %9s %9s %9s %7d %8s%n", w.index(),
                    w.trainFrom() + ".." + w.trainTo(), w.testFrom() + ".." + w.testTo(), text(w.parameters()), num(w.inSample()),
                    num(w.outOfSample()), pct(w.outOfSampleReturn()), w.outOfSampleTrades(), num(w.inSampleDeflatedSharpe())));
        }
        s.append(String.format(Locale.ROOT, "%nstitched out-of-sample: return %s, Sharpe %s, max drawdown %s%n",
                pct(wf.totalReturn()), num(wf.sharpe()), share(wf.maxDrawdown())));
        s.append(String.format(Locale.ROOT, "  probabilistic Sharpe %s, deflated Sharpe %s (for %d trials a window)%n",
                num(wf.probabilisticSharpe()), num(wf.deflatedSharpe()),
                wf.windows().stream().mapToInt(WindowResult::trials).max().orElse(0)));
        return s.toString();
    }

    private static Integer trials(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--trials takes a whole number, got '" + value + "'");
        }
    }

    private static String text(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", 100 * fraction);
    }

    private static String share(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String num(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
