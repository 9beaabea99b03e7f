package io.ztrade.bench;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.steps.DecisionStep;
import io.ztrade.agent.steps.MarketHoursFilter;
import io.ztrade.agent.steps.OrderPlacement;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.agent.steps.TechnicalStep;
import io.ztrade.backtest.BacktestJob;
import io.ztrade.backtest.BacktestSpec;
import io.ztrade.backtest.Backtests;
import io.ztrade.backtest.FillModel;
import io.ztrade.backtest.HistoricalMarketData;
import io.ztrade.backtest.PaperBroker;
import io.ztrade.backtest.PriceHistory;
import io.ztrade.backtest.ReplayClockAccess;
import io.ztrade.backtest.ReplayEngine;
import io.ztrade.backtest.ReplayRecords;
import io.ztrade.backtest.ReplayRequest;
import io.ztrade.backtest.ReplayResult;
import io.ztrade.backtest.ReplaySentiment;
import io.ztrade.backtest.SyntheticHistory;
import io.ztrade.market.Instrument;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketDataProvider;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.RiskRule;
import io.ztrade.risk.RiskValidator;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The pipeline and replay tables of the benchmark ({@link ZtradeBench} calls {@link #tables()}), each figure beside
 * the target issue 14 sets: one agent through the full route and the same beans as plain Java in one run (runs/s and
 * their ratio), a sweep on the replay threads, and a year of agent_tsla-like 5-minute bars (synthetic), replayed
 * alone and end to end as {@code POST /api/backtests} and {@code bin/backtest} run it. Option:
 * {@code -Dbench.month=2025-03} (the month of the one-agent and sweep tables).
 */
final class ReplayTables {

    /** test_stock (TSLA) as agent_tsla runs: every 5 minutes of the NYSE session on 5-minute bars, technical only. */
    static final Map<String, String> TECHNICAL = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", "0",
            "threshold", "0.1", "barTimeframe", "5Min");
    static final String AGENT = "test_stock";

    private final ReplayEngine engine;
    private final Backtests backtests;
    private final MarketCalendar calendar;
    private final MarketHoursFilter marketHours;
    private final TechnicalStep technical;
    private final DecisionStep decision;
    private final List<RiskRule> riskRules;
    private final StringBuilder out = new StringBuilder();

    ReplayTables(ApplicationContext context) {
        this.engine = context.getBean(ReplayEngine.class);
        this.backtests = context.getBean(Backtests.class);
        this.calendar = context.getBean(MarketCalendar.class);
        this.marketHours = context.getBean(MarketHoursFilter.class);
        this.technical = context.getBean(TechnicalStep.class);
        this.decision = context.getBean(DecisionStep.class);
        this.riskRules = context.getBeanProvider(RiskRule.class).orderedStream().toList();
    }

    /** Runs them all and returns the tables (Markdown). */
    String tables() {
        String month = System.getProperty("bench.month", "2025-03");
        Instant from = YearMonth.parse(month).atDay(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        Instant to = YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        ReplayRequest request = request(from, to);
        pipeline(month, request);
        sweep(month);
        year();
        routeCost(request);
        return out.toString();
    }

    private ReplayRequest request(Instant from, Instant to) {
        AgentSettings agent = AgentSettings.fromParameters(engine.parameters(AGENT, TECHNICAL));
        PriceHistory history = new SyntheticHistory(calendar, 42, 250, 0.6, 0).load(agent, from.minus(Duration.ofDays(10)), to);
        return new ReplayRequest(AGENT, TECHNICAL, from, to, history, Map.of(), null, new FillModel(0, 0, 5), 100_000, null);
    }

    // ---- one agent: the full route and the same beans as plain Java, one after the other in one run

    private void pipeline(String month, ReplayRequest request) {
        AgentSettings agent = AgentSettings.fromParameters(engine.parameters(AGENT, TECHNICAL));
        for (int i = 0; i < 3; i++) { // warm both up
            engine.replay(request, ReplayEngine.Progress.NONE);
            plain(agent, request);
        }
        List<Long> routeNanos = new ArrayList<>();
        long[] last = {System.nanoTime()};
        double c0 = processCpu();
        long t0 = System.nanoTime();
        ReplayResult routed = engine.replay(request, (d, t) -> {
            long now = System.nanoTime();
            routeNanos.add(now - last[0]);
            last[0] = now;
        });
        double routeSeconds = (System.nanoTime() - t0) / 1e9;
        double routeCpu = processCpu() - c0;
        routeNanos.remove(0); // the first includes making the route
        PlainResult plain = plain(agent, request);

        long[] r = routeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] p = plain.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int runs = routed.runs().size();
        out.append("## Pipeline overhead: one run, full route vs the same stages as plain Java\n\n")
                .append(AGENT).append(" (TSLA, every 5 minutes, technical only), ").append(runs).append(" runs of ")
                .append(month).append(" on synthetic 5-minute bars, in-process providers (history market data, paper broker);")
                .append(" the route is the replay's, made from agent-template.yaml; plain Java calls the same beans in order\n\n")
                .append("| | p50 µs | p99 µs | mean µs |\n|---|---:|---:|---:|\n")
                .append(ZtradeBench.row("Camel route (replay)", r)).append(ZtradeBench.row("plain Java, same beans", p))
                .append(String.format(Locale.ROOT, "| **ratio route / plain** (target ≤ 3) | %.1f | %.1f | %.1f |%n",
                        ZtradeBench.pct(r, 50) / ZtradeBench.pct(p, 50), ZtradeBench.pct(r, 99) / ZtradeBench.pct(p, 99), ZtradeBench.mean(r) / ZtradeBench.mean(p)))
                .append(String.format(Locale.ROOT, "| Camel's own cost (route - plain) | %.0f | | %.0f |%n%n",
                        (ZtradeBench.pct(r, 50) - ZtradeBench.pct(p, 50)) / 1e3, (ZtradeBench.mean(r) - ZtradeBench.mean(p)) / 1e3))
                .append("same decisions in both: ").append(sameDecisions(routed, plain)).append("\n\n");
        out.append("## Replay throughput\n\nCPU s: the process's CPU time over the same span (all threads: the replay's,"
                        + " the JIT's, the GC's); on a loaded machine it is steadier than the wall time.\n\n"
                        + "| mode | runs | seconds | CPU s | runs/s | target |\n|---|---:|---:|---:|---:|---|\n")
                .append(String.format(Locale.ROOT, "| one agent, full route | %d | %.2f | %.2f | %.0f | ≥ 40,000 |%n", runs,
                        routeSeconds, routeCpu, runs / routeSeconds))
                .append(String.format(Locale.ROOT, "| one agent, plain Java (same run) | %d | %.2f | %.2f | %.0f | |%n", runs,
                        plain.seconds, plain.cpuSeconds, runs / plain.seconds))
                .append(String.format(Locale.ROOT, "| ratio route / plain (seconds) | | %.1f | %.1f | | ≤ 3 |%n",
                        routeSeconds / plain.seconds, routeCpu / plain.cpuSeconds));
    }

    // ---- a sweep: 8 combinations of the month on the replay threads, as a backtest job

    private void sweep(String month) {
        YearMonth m = YearMonth.parse(month);
        BacktestSpec sweep = new BacktestSpec(AGENT, m.atDay(1).toString(), m.atEndOfMonth().toString(), "synthetic", null,
                null, new LinkedHashMap<>(TECHNICAL), Map.of("threshold", List.of(0.05, 0.1, 0.15, 0.2),
                "orderNotional", List.of(500, 1000)), null, null, null, null, 42L);
        backtests.await(backtests.submit(sweep)); // warm-up
        double c0 = processCpu();
        long s0 = System.nanoTime();
        BacktestJob job = backtests.await(backtests.submit(sweep));
        double seconds = (System.nanoTime() - s0) / 1e9;
        out.append(String.format(Locale.ROOT, "| sweep of %d combinations on %d cores, full route (backtest job) | %d | %.2f | %.2f | %.0f | ≥ 100,000 |%n",
                job.sweep().size(), Runtime.getRuntime().availableProcessors(), job.progress().done(), seconds,
                processCpu() - c0, job.progress().done() / seconds));
    }

    // ---- a year of agent_tsla: the replay alone, then the whole backtest as the REST API and bin/backtest run it

    private void year() {
        Instant from = Instant.parse("2025-01-01T05:00:00Z");
        Instant to = Instant.parse("2026-01-01T05:00:00Z");
        ReplayRequest request = request(from, to);
        request = new ReplayRequest(AGENT, TECHNICAL, from, to, request.history(), Map.of(), null, new FillModel(0, 0, 5),
                100_000, null, false);
        double c0 = processCpu();
        long t0 = System.nanoTime();
        ReplayResult result = engine.replay(request, ReplayEngine.Progress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.append(String.format(Locale.ROOT, "| a year of agent_tsla-like 5-minute bars (2025, synthetic), replay | %d | %.2f | %.2f | %.0f | < 1 s |%n",
                result.runCount(), seconds, processCpu() - c0, result.runCount() / seconds));

        BacktestSpec spec = new BacktestSpec(AGENT, "2025-01-01", "2025-12-31", "synthetic", null, null,
                new LinkedHashMap<>(TECHNICAL), null, null, null, null, null, 42L);
        double b0Cpu = processCpu();
        long b0 = System.nanoTime();
        BacktestJob job = backtests.await(backtests.submit(spec));
        double backtestSeconds = (System.nanoTime() - b0) / 1e9;
        out.append(String.format(Locale.ROOT, "| the same year end to end as a backtest job (history, replay, report, files) | %d | %.2f | %.2f | %.0f | < 1 s |%n%n",
                job.progress().done(), backtestSeconds, processCpu() - b0Cpu, job.progress().done() / backtestSeconds));
    }

    // ---- what each backtest (each combination of a sweep) pays before its first run: its route made and removed

    private void routeCost(ReplayRequest month) {
        Instant at = engine.fireTimes(AgentSettings.fromParameters(engine.parameters(AGENT, TECHNICAL)), month.from(),
                month.to()).get(0);
        ReplayRequest one = new ReplayRequest(AGENT, TECHNICAL, month.from(), month.to(), month.history(), Map.of(), null,
                new FillModel(0, 0, 5), 100_000, List.of(at), false);
        int n = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.replay(one, ReplayEngine.Progress.NONE);
        }
        out.append(String.format(Locale.ROOT, "A backtest of one run (its throw-away route made, fired once, removed) takes %.1f ms"
                + " (mean of %d); routes are made and removed one at a time.%n%n", (System.nanoTime() - t0) / 1e6 / n, n));
    }

    record PlainResult(List<Long> nanos, List<AgentRun> runs, double seconds, double cpuSeconds) {
    }

    /** The whole process's CPU time so far (every thread: the replay's, the JIT's, the GC's), in seconds. */
    static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** The template's steps, called one after another as plain Java methods on the same beans. */
    private PlainResult plain(AgentSettings agent, ReplayRequest request) {
        ReplayClockAccess clock = new ReplayClockAccess();
        PaperBroker broker = new PaperBroker(agent.symbol(), request.startingCash(), request.history(), clock.clock(),
                request.fills());
        MarketDataProvider market = new HistoricalMarketData(request.history(), clock.clock());
        ReplaySentiment sentiment = ReplaySentiment.technicalOnly(clock.clock());
        ReplayRecords records = new ReplayRecords();
        RiskStep risk = new RiskStep(new RiskValidator(riskRules, DeskModes.ALWAYS_ACTIVE, broker, records));
        OrderPlacement placement = new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE);
        List<Instant> times = engine.fireTimes(agent, request.from(), request.to());
        List<Long> nanos = new ArrayList<>(times.size());
        List<AgentRun> runs = new ArrayList<>(times.size());
        Instrument instrument = new Instrument(agent.agentId(), agent.symbol(), agent.assetClass());
        double cpu = processCpu();
        long start = System.nanoTime();
        for (Instant at : times) {
            long t = System.nanoTime();
            clock.set(at);
            AgentRun run = marketHours.apply(AgentRun.start(agent, RunTrigger.REPLAY, false, at, Instant.now()));
            if (run.inProgress()) {
                run = run.withMarket(market.snapshot(instrument, agent.barTimeframe(), agent.barCount()));
                AgentRun s = sentiment.apply(run);
                AgentRun tech = technical.apply(run);
                run = run.withAnalysesOf(s).withAnalysesOf(tech);
                run = decision.apply(run);
            }
            if (run.inProgress()) {
                run = risk.apply(run);
            }
            if (run.inProgress()) {
                run = placement.place(run);
            }
            run = run.completed(Instant.now(), List.of());
            records.add(run);
            broker.equity();
            runs.add(run);
            nanos.add(System.nanoTime() - t);
        }
        return new PlainResult(nanos, runs, (System.nanoTime() - start) / 1e9, processCpu() - cpu);
    }

    private static String sameDecisions(ReplayResult routed, PlainResult plain) {
        if (routed.runs().size() != plain.runs().size()) {
            return "NO (" + routed.runs().size() + " vs " + plain.runs().size() + " runs)";
        }
        for (int i = 0; i < plain.runs().size(); i++) {
            AgentRun a = routed.runs().get(i);
            AgentRun b = plain.runs().get(i);
            if (a.status() != b.status() || (a.decision() != null && a.decision().score() != b.decision().score())) {
                return "NO (first difference at " + a.scheduledAt() + ": " + a.status() + " vs " + b.status() + ")";
            }
        }
        return "yes, all " + plain.runs().size() + " runs";
    }
}
