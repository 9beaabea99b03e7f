package io.ztrade.backtest.optimize;

import io.ztrade.agent.AgentSettings;
import io.ztrade.backtest.BacktestMetrics;
import io.ztrade.backtest.BacktestProperties;
import io.ztrade.backtest.BacktestReport;
import io.ztrade.backtest.Backtests;
import io.ztrade.backtest.CsvHistory;
import io.ztrade.backtest.PreparedBacktest;
import io.ztrade.backtest.ReplayEngine;
import io.ztrade.backtest.ReplayRequest;
import io.ztrade.backtest.ReplayResult;
import io.ztrade.backtest.SharpeStatistics;
import io.ztrade.backtest.optimize.OptimizationResult.EquityPoint;
import io.ztrade.backtest.optimize.OptimizationResult.Ranked;
import io.ztrade.backtest.optimize.OptimizationResult.TrialRow;
import io.ztrade.backtest.optimize.OptimizationResult.WindowResult;
import io.ztrade.market.AssetClass;
import io.ztrade.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Optimisation and walk-forward analysis of an agent's template parameters. A trial is a backtest with overrides:
 * the {@link PreparedBacktest} of the spec (checked, its history loaded once, by {@link Backtests#prepare}) copied
 * with the trial's parameters and replayed by {@link ReplayEngine}; {@link CmaesSearch} picks the trials, its
 * restarts on the backtests' replay threads.
 */
@Component
public class Optimizer {

    /** The best parameter sets the result keeps with their reports. */
    static final int BEST = 5;
    /** Points of the stitched out-of-sample equity kept for a console. */
    private static final int MAX_EQUITY_POINTS = 1000;

    /** Progress: {@code done} of {@code total} trials, and the best objective so far (null while none is defined). */
    public interface Listener {
        void trial(int done, int total, Double best);

        Listener NONE = (done, total, best) -> { };
    }

    /** A checked optimisation, its history loaded: what {@link #run} replays. */
    public record Plan(OptimizationSpec spec, Objective objective, int trials, List<ParameterRange> ranges,
                       PreparedBacktest prepared, List<WalkForwardWindows.Window> windows, long seed) {
        /** Trials over all windows. */
        public int total() {
            return trials * (windows == null ? 1 : windows.size());
        }
    }

    private final Backtests backtests;
    private final ReplayEngine engine;
    private final BacktestProperties limits;

    public Optimizer(Backtests backtests, ReplayEngine engine, BacktestProperties limits) {
        this.backtests = backtests;
        this.engine = engine;
        this.limits = limits;
    }

    /** Checks the spec and loads its history; every mistake is an {@link IllegalArgumentException} saying what. */
    public Plan plan(OptimizationSpec spec) {
        return plan(spec, null);
    }

    /** As {@link #plan(OptimizationSpec)}; {@code bars} is the CSV of source csv (the command line's own file). */
    public Plan plan(OptimizationSpec spec, CsvHistory.Source bars) {
        if (spec == null) {
            throw new IllegalArgumentException("an optimisation needs agent, from, to and optimize, e.g. "
                    + "{\"agent\":\"agent_tsla\",\"from\":\"2025-01-02\",\"to\":\"2025-06-30\",\"optimize\":\"threshold=0.05:0.4\"}");
        }
        Objective objective = Objective.named(spec.objective());
        int trials = spec.trials() == null ? 100 : spec.trials();
        if (trials < 1 || trials > limits.maxCombinations()) {
            throw new IllegalArgumentException("'trials' must be between 1 and ztrade.backtest.max-combinations ("
                    + limits.maxCombinations() + "), got " + trials);
        }
        Map<String, String> asked = ParameterSpace.parse(spec.optimize());
        PreparedBacktest prepared = backtests.prepare(spec.backtest(), bars);
        ReplayRequest base = prepared.requests().get(0);
        List<ParameterRange> ranges = ParameterSpace.check(asked, engine.parameters(base.agentId(), base.overrides()));
        for (ParameterRange r : ranges) {
            // both ends must be values the agent takes (threshold within 0..1, ...), said before any trial runs
            for (double end : new double[] {r.at(0), r.at(1)}) {
                Map<String, String> overrides = new LinkedHashMap<>(base.overrides());
                overrides.put(r.name(), r.text(end));
                try {
                    engine.parameters(base.agentId(), overrides);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("optimize '" + r.name() + "' range " + r.text(r.lo()) + ":" + r.text(r.hi())
                            + " goes where the agent cannot: " + e.getMessage(), e);
                }
            }
        }
        List<WalkForwardWindows.Window> windows = spec.walkForward() == null || spec.walkForward().isBlank() ? null
                : WalkForwardWindows.of(LocalDate.parse(spec.from().trim()), LocalDate.parse(spec.to().trim()),
                WalkForwardWindows.parse(spec.walkForward()));
        checkSize(prepared, trials, windows);
        return new Plan(spec, objective, trials, ranges, prepared, windows, spec.seed() == null ? 1 : spec.seed());
    }

    /**
     * Within one backtest job's caps, as a sweep of as many combinations would be: every trial replays its (train)
     * window, a walk-forward window also its test window, and the best sets are replayed again for their reports.
     */
    private void checkSize(PreparedBacktest prepared, int trials, List<WalkForwardWindows.Window> windows) {
        ReplayRequest base = prepared.requests().get(0);
        long baseRuns = backtests.runs(prepared);
        double rangeDays = Math.max(1, Duration.between(base.from(), base.to()).toDays());
        double replayedDays;
        long total;
        if (windows == null) {
            total = trials;
            replayedDays = (double) (trials + BEST) * rangeDays;
        } else {
            total = (long) trials * windows.size();
            replayedDays = 0;
            for (WalkForwardWindows.Window w : windows) {
                replayedDays += (double) trials * (ChronoUnit.DAYS.between(w.trainFrom(), w.trainTo()) + 1)
                        + ChronoUnit.DAYS.between(w.testFrom(), w.testTo()) + 1;
            }
        }
        long runs = (long) Math.ceil(replayedDays / rangeDays * baseRuns);
        backtests.checkTrials(prepared, total, runs, (long) rangeDays);
    }

    /** Runs the plan on the caller's thread, its trials on the replay threads. */
    public OptimizationResult run(Plan plan, Listener listener) throws Exception {
        long started = System.nanoTime();
        ReplayRequest base = plan.prepared().requests().get(0);
        Progress progress = new Progress(plan.total(), listener);
        OptimizationResult.WalkForward walkForward = null;
        List<TrialRow> all = new ArrayList<>();
        List<Ranked> best = List.of();
        Double psr = null;
        Double dsr = null;
        int trials;
        if (plan.windows() == null) {
            Search search = search(plan, window(base, base.from(), base.to()), 0, progress);
            all.addAll(search.rows());
            trials = search.rows().size();
            best = best(plan, base, search.rows());
            if (!best.isEmpty()) {
                double[] top = search.daily().get(best.get(0).parameters());
                psr = SharpeStatistics.probabilistic(top, 0);
                dsr = SharpeStatistics.deflated(top, trials, sharpeVariance(search.rows()));
            }
        } else {
            walkForward = walkForward(plan, base, progress, all);
            trials = all.size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new OptimizationResult(base.agentId(), plan.objective().cliName(), plan.ranges(), trials, best, all, psr, dsr,
                walkForward, seconds, seconds == 0 ? 0 : trials / seconds);
    }

    private OptimizationResult.WalkForward walkForward(Plan plan, ReplayRequest base, Progress progress, List<TrialRow> all)
            throws Exception {
        List<WindowResult> windows = new ArrayList<>();
        List<EquityPoint> stitched = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double carried = base.startingCash();
        double variances = 0;
        int selections = 0;
        int trialsPerWindow = 0;
        for (WalkForwardWindows.Window w : plan.windows()) {
            ReplayRequest train = window(base, start(w.trainFrom()), start(w.trainTo().plusDays(1)));
            Search search = search(plan, train, w.index(), progress);
            all.addAll(search.rows());
            TrialRow winner = search.rows().stream().max(Comparator.comparingDouble(Optimizer::value)).orElseThrow();
            double variance = sharpeVariance(search.rows());
            variances += variance;
            selections++;
            trialsPerWindow = Math.max(trialsPerWindow, search.rows().size());
            ReplayRequest test = window(base, start(w.testFrom()), start(w.testTo().plusDays(1)));
            Trial outOfSample;
            try {
                outOfSample = trial(plan, test, winner.parameters(), w.index());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw failed(winner.parameters(), w.index(), e);
            }
            double scale = carried / base.startingCash();
            for (ReplayResult.EquityPoint p : outOfSample.result().equity()) {
                times.add(p.at());
                values.add(scale * p.equity());
            }
            carried = values.isEmpty() ? carried : values.get(values.size() - 1);
            windows.add(new WindowResult(w.index(), w.trainFrom(), w.trainTo(), w.testFrom(), w.testTo(), winner.parameters(),
                    winner.objective(), plan.objective().of(outOfSample.report()),
                    SharpeStatistics.deflated(search.daily().get(winner.parameters()), search.rows().size(), variance),
                    outOfSample.report().totalReturn(), outOfSample.report().trades(), search.rows().size()));
        }
        double[] equity = values.stream().mapToDouble(Double::doubleValue).toArray();
        int step = Math.max(1, (equity.length + MAX_EQUITY_POINTS - 1) / MAX_EQUITY_POINTS);
        for (int i = 0; i < equity.length; i += step) {
            stitched.add(new EquityPoint(times.get(i), equity[i]));
        }
        if (equity.length > 0 && (equity.length - 1) % step != 0) {
            stitched.add(new EquityPoint(times.get(equity.length - 1), equity[equity.length - 1]));
        }
        double[] daily = BacktestMetrics.returns(BacktestMetrics.dailyCloses(base.startingCash(), times, equity));
        int perYear = periodsPerYear(base);
        return new OptimizationResult.WalkForward(windows, stitched, carried / base.startingCash() - 1,
                BacktestMetrics.sharpe(daily, perYear), BacktestMetrics.drawdown(times, equity).max(),
                SharpeStatistics.probabilistic(daily, 0),
                // each window picked its winner from its own trials: deflate for that many, at their mean spread
                SharpeStatistics.deflated(daily, Math.max(1, trialsPerWindow), selections == 0 ? 0 : variances / selections));
    }

    private int periodsPerYear(ReplayRequest base) {
        return AgentSettings.fromParameters(engine.parameters(base.agentId(), base.overrides())).assetClass()
                == AssetClass.CRYPTO ? 365 : 252;
    }

    /** The trials of one optimisation over {@code request}'s range. */
    private record Search(List<TrialRow> rows, Map<Map<String, String>, double[]> daily) {
    }

    /** A trial as the search keeps it: its row and its daily returns (for the winner's PSR and DSR). */
    private record Scored(TrialRow row, double[] daily) {
    }

    private Search search(Plan plan, ReplayRequest request, int window, Progress progress) throws Exception {
        Map<Map<String, String>, CompletableFuture<Scored>> replayed = new ConcurrentHashMap<>();
        List<ParameterRange> ranges = plan.ranges();
        List<CmaesSearch.Trial> points = CmaesSearch.search(ranges.size(), plan.trials(),
                CmaesSearch.restarts(plan.trials(), backtests.parallelism()), plan.seed() + 1_000_003L * window, point -> {
                    Map<String, String> parameters = parameters(ranges, point);
                    CompletableFuture<Scored> mine = new CompletableFuture<>();
                    CompletableFuture<Scored> earlier = replayed.putIfAbsent(parameters, mine);
                    Scored row;
                    if (earlier != null) {
                        row = earlier.join();
                    } else {
                        try {
                            Trial t = trial(plan, request, parameters, window);
                            row = new Scored(t.row(), t.daily());
                        } catch (IllegalArgumentException e) {
                            // each end was checked alone; a combination the agent refuses (smaFast above smaSlow) scores nothing
                            row = new Scored(new TrialRow(window, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), null, 0,
                                    null, 0, 0, null), new double[0]);
                        } catch (RuntimeException e) {
                            // the optimisation stops, and says which trial could not be replayed and why
                            RuntimeException failed = failed(parameters, window, e);
                            mine.completeExceptionally(failed);
                            throw failed;
                        }
                        mine.complete(row);
                    }
                    progress.trial(row.row().objective());
                    return row.row().objective();
                }, backtests::inParallel);
        // distinct replays, in the order the optimiser asked for them
        List<TrialRow> rows = new ArrayList<>();
        Map<Map<String, String>, double[]> daily = new HashMap<>();
        for (CmaesSearch.Trial t : points) {
            Map<String, String> p = parameters(ranges, t.point());
            if (!daily.containsKey(p)) {
                Scored scored = replayed.get(p).join();
                rows.add(scored.row());
                daily.put(p, scored.daily());
            }
        }
        return new Search(rows, daily);
    }

    private static IllegalStateException failed(Map<String, String> parameters, int window, RuntimeException e) {
        return new IllegalStateException("trial " + parameters + (window == 0 ? "" : " of walk-forward window " + window)
                + " failed: " + e.getMessage(), e);
    }

    static Map<String, String> parameters(List<ParameterRange> ranges, double[] point) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            ParameterRange r = ranges.get(i);
            parameters.put(r.name(), r.text(r.at(point[i])));
        }
        return parameters;
    }

    /** One replay of {@code request} with the trial's parameters, and what the optimiser needs of it. */
    private record Trial(TrialRow row, BacktestReport report, ReplayResult result, double[] daily) {
    }

    private Trial trial(Plan plan, ReplayRequest request, Map<String, String> parameters, int window) {
        Map<String, String> overrides = new LinkedHashMap<>(request.overrides());
        overrides.putAll(parameters);
        ReplayRequest r = new ReplayRequest(request.agentId(), overrides, request.from(), request.to(), request.history(),
                request.sentiment(), request.sentimentMaxAge(), request.fills(), request.startingCash(), request.fireTimes(), false);
        ReplayResult result = engine.replay(r, ReplayEngine.Progress.NONE);
        BacktestReport report = BacktestReport.of(r, plan.prepared().source(), result);
        List<Instant> times = result.equity().stream().map(ReplayResult.EquityPoint::at).toList();
        double[] equity = result.equity().stream().mapToDouble(ReplayResult.EquityPoint::equity).toArray();
        double[] daily = BacktestMetrics.returns(BacktestMetrics.dailyCloses(result.startingCash(), times, equity));
        return new Trial(new TrialRow(window, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), plan.objective().of(report), report.totalReturn(),
                report.sharpe(), report.maxDrawdown(), report.trades(), SharpeStatistics.perPeriod(daily)), report, result, daily);
    }

    /** The best distinct parameter sets, replayed again for their full reports. */
    private List<Ranked> best(Plan plan, ReplayRequest base, List<TrialRow> rows) {
        return rows.stream().sorted(Comparator.comparingDouble(Optimizer::value).reversed()).limit(BEST)
                .map(row -> new Ranked(row.parameters(), row.objective(),
                        trial(plan, base, row.parameters(), 0).report()))
                .toList();
    }

    static double value(TrialRow row) {
        return row.objective() == null || row.objective().isNaN() ? CmaesSearch.UNDEFINED : row.objective();
    }

    /** Sample variance of the trials' per-period Sharpe ratios (those defined); 0 with fewer than two. */
    static double sharpeVariance(List<TrialRow> rows) {
        double[] sharpes = rows.stream().filter(r -> r.perPeriodSharpe() != null).mapToDouble(TrialRow::perPeriodSharpe).toArray();
        double sd = BacktestMetrics.stdev(sharpes);
        return sd * sd;
    }

    /** The same replay over another range of the history (the history was loaded for the whole range and warm-up). */
    private static ReplayRequest window(ReplayRequest base, Instant from, Instant to) {
        List<Instant> fireTimes = base.fireTimes() == null ? null
                : base.fireTimes().stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).toList();
        return new ReplayRequest(base.agentId(), base.overrides(), from, to, base.history(), base.sentiment(),
                base.sentimentMaxAge(), base.fills(), base.startingCash(), fireTimes, false);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
    }

    /** Trials done over all windows, and the best objective so far. */
    private static final class Progress {
        private final int total;
        private final Listener listener;
        private final AtomicInteger done = new AtomicInteger();
        private Double best;

        Progress(int total, Listener listener) {
            this.total = total;
            this.listener = listener;
        }

        synchronized void trial(Double objective) {
            if (objective != null && !objective.isNaN() && (best == null || objective > best)) {
                best = objective;
            }
            listener.trial(done.incrementAndGet(), total, best);
        }
    }
}
