package io.ztrade.backtest;

import io.ztrade.agent.AgentSettings;
import io.ztrade.market.AssetClass;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How big a backtest is before it runs: the bars its range can have, its fire times over all combinations, and the
 * heap it is estimated to hold, each against its cap in {@link BacktestProperties}.
 */
final class BacktestSize {

    /** Measured on this code (BacktestLimitsTest): heap a bar, a run in flight and a finished combination hold. */
    static final long BAR_BYTES = 128;
    static final long RUN_BYTES = 512;
    static final long COMBINATION_BYTES = 4_096;

    private final ReplayEngine engine;
    private final BacktestProperties limits;
    private final int parallelism;

    BacktestSize(ReplayEngine engine, BacktestProperties limits, int parallelism) {
        this.engine = engine;
        this.limits = limits;
        this.parallelism = parallelism;
    }

    /** Fire times to replay, over all combinations. */
    int total(PreparedBacktest prepared) {
        Map<String, Integer> runsByCron = new HashMap<>();
        long total = 0;
        for (ReplayRequest r : prepared.requests()) {
            total += runs(r, runsByCron);
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** Runs and estimated heap of a prepared job within their caps; {@code bars} is what its history holds. */
    void check(PreparedBacktest prepared, int bars) {
        Map<String, Integer> runsByCron = new HashMap<>();
        long runs = 0;
        long mostRuns = 0;
        for (ReplayRequest r : prepared.requests()) {
            int n = runs(r, runsByCron);
            runs += n;
            mostRuns = Math.max(mostRuns, n);
            if (runs > limits.maxRunsPerJob()) {
                throw new IllegalArgumentException("backtest has more runs (fire times x combinations) than "
                        + "ztrade.backtest.max-runs-per-job (" + limits.maxRunsPerJob() + "); fewer combinations or a shorter range");
            }
        }
        long inFlight = Math.min(prepared.requests().size(), parallelism);
        long heap = bars * BAR_BYTES + inFlight * mostRuns * RUN_BYTES + prepared.requests().size() * COMBINATION_BYTES;
        if (heap > limits.maxHeapPerJob().toBytes()) {
            throw new IllegalArgumentException("backtest would hold about " + CsvHistory.size(heap / (1 << 20) * (1 << 20) + (1 << 20))
                    + " of heap (" + bars + " bars, " + inFlight + " replays of " + mostRuns + " runs at once, "
                    + prepared.requests().size() + " combinations), more than ztrade.backtest.max-heap-per-job ("
                    + CsvHistory.size(limits.maxHeapPerJob().toBytes()) + "); fewer combinations or a shorter range");
        }
    }

    /**
     * An optimisation's replays within the same caps as a sweep's: {@code trials} (over all walk-forward windows) each
     * kept as a combination is, with its daily returns over {@code days}, and {@code runs} fire times replayed in all.
     */
    void checkTrials(PreparedBacktest prepared, long trials, long runs, long days) {
        if (runs > limits.maxRunsPerJob()) {
            throw new IllegalArgumentException("optimisation of " + trials + " trials (trials x walk-forward windows) replays about "
                    + runs + " runs (fire times x trials), more than ztrade.backtest.max-runs-per-job (" + limits.maxRunsPerJob()
                    + "); fewer trials, a shorter range or a shorter train window");
        }
        int bars = prepared.requests().get(0).history().size();
        long mostRuns = total(prepared);
        long heap = bars * BAR_BYTES + parallelism * mostRuns * RUN_BYTES + trials * (COMBINATION_BYTES + days * Double.BYTES);
        if (heap > limits.maxHeapPerJob().toBytes()) {
            throw new IllegalArgumentException("optimisation would hold about " + CsvHistory.size(heap / (1 << 20) * (1 << 20) + (1 << 20))
                    + " of heap (" + trials + " trials (trials x walk-forward windows) over " + days + " days, " + bars
                    + " bars), more than ztrade.backtest.max-heap-per-job (" + CsvHistory.size(limits.maxHeapPerJob().toBytes())
                    + "); fewer trials, fewer walk-forward windows (a longer test length) or a shorter range");
        }
    }

    /** Refuses generated or downloaded bars before they are made (a CSV counts its own while it is read). */
    void checkMostBars(AgentSettings agent, Instant from, Instant to) {
        long most = mostBars(agent, from, to);
        if (most > limits.maxBarsPerJob()) {
            throw new IllegalArgumentException("backtest of up to " + most + " " + agent.barTimeframe() + " bars (warm-up "
                    + "included) is more than ztrade.backtest.max-bars-per-job (" + limits.maxBarsPerJob()
                    + "); backtest a shorter range or longer bars");
        }
    }

    /** Bars a loaded history holds, within the cap. */
    void checkBars(MarketHistory history) {
        if (history.size() > limits.maxBarsPerJob()) {
            throw new IllegalArgumentException("backtest of " + history.size() + " bars (warm-up included) is more than "
                    + "ztrade.backtest.max-bars-per-job (" + limits.maxBarsPerJob() + "); backtest a shorter range");
        }
    }

    /** Fire times of one combination; combinations of one cron share them. */
    private int runs(ReplayRequest r, Map<String, Integer> runsByCron) {
        if (r.fireTimes() != null) {
            return r.fireTimes().size();
        }
        AgentSettings settings = AgentSettings.fromParameters(engine.parameters(r.agentId(), r.overrides()));
        return runsByCron.computeIfAbsent(settings.cron() + " " + settings.assetClass(),
                k -> engine.fireTimes(settings, r.from(), r.to()).size());
    }

    /** Bars a market can have in [from, to): every period for crypto, 6.5-hour sessions on weekdays for stocks. */
    static long mostBars(AgentSettings agent, Instant from, Instant to) {
        long minutes = Math.max(1, PriceHistory.timeframe(agent.barTimeframe()).toMinutes());
        long span = Duration.between(from, to).toMinutes();
        if (agent.assetClass() == AssetClass.CRYPTO) {
            return span / minutes + 1;
        }
        long sessions = span / (24 * 60) * 5 / 7 + 1;
        return sessions * Math.max(1, 390 / minutes);
    }

    /** Enough history before 'from' that the first run has its barCount bars (stock sessions are 6.5 hours). */
    static Duration warmUp(AgentSettings agent) {
        Duration bars = PriceHistory.timeframe(agent.barTimeframe()).multipliedBy(agent.barCount());
        long days = agent.assetClass() == AssetClass.CRYPTO ? bars.toDays() + 1 : bars.toMinutes() / 390 + 1;
        return Duration.ofDays(days * 7 / 5 + 5);
    }
}
