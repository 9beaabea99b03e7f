package io.ztrade.bench;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.steps.DecisionStep;
import io.ztrade.agent.steps.MarketHoursFilter;
import io.ztrade.agent.steps.OrderPlacement;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.agent.steps.TechnicalStep;
import io.ztrade.backtest.BacktestSpec;
import io.ztrade.backtest.BacktestJob;
import io.ztrade.backtest.Backtests;
import io.ztrade.backtest.FillModel;
import io.ztrade.backtest.HistoricalMarketData;
import io.ztrade.backtest.PaperBroker;
import io.ztrade.backtest.PriceHistory;
import io.ztrade.backtest.ReplayEngine;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark suite ({@code ./mvnw -Pbench test}; never part of {@code verify}, whose Surefire includes do not match
 * {@code *Bench}). Prints its tables and writes them to {@code target/bench/}. Options (docs/benchmarks.md):
 * {@code -Dbench.quick}, {@code -Dbench.agents=100,1000,5000}, {@code -Dbench.mbeans=Default,RoutesOnly},
 * {@code -Dbench.node.heap=10g}, {@code -Dbench.node.jvmArgs=...}, {@code -Dbench.month=2025-03}, {@code -Dbench.histo}.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.io.ztrade.runs=WARN", "logging.level.io.ztrade.bench.runs=WARN"})
class ZtradeBench {

    static final Map<String, String> TECHNICAL = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", "0",
            "threshold", "0.1", "barTimeframe", "5Min");

    @Autowired
    ReplayEngine engine;
    @Autowired
    Backtests backtests;
    @Autowired
    MarketCalendar calendar;
    @Autowired
    MarketHoursFilter marketHours;
    @Autowired
    TechnicalStep technical;
    @Autowired
    DecisionStep decision;
    @Autowired
    List<RiskRule> riskRules;

    /** Quick mode: shorter JMH iterations and no agents-per-node nodes unless {@code bench.agents} names levels. */
    static final boolean QUICK = System.getProperty("bench.quick") != null
            && !"false".equals(System.getProperty("bench.quick"));
    static final Path BENCH_DIR = Path.of("target/bench");

    final StringBuilder out = new StringBuilder();

    @Test
    void benchmarks() throws Exception {
        String cpu = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB";
        out.append("# Ztrade benchmarks\n\nmachine: ").append(cpu).append(QUICK ? " (quick mode)" : "").append("\n\n");
        stages();
        pipelineAndReplay();
        agentsPerNode();
        Files.createDirectories(BENCH_DIR);
        Files.writeString(BENCH_DIR.resolve("benchmarks.md"), out);
        System.out.println(out);
    }

    // ---- the plain-Java stages, with JMH (one fork, 3 warm-up and 5 measured iterations of 1 s; quick: 1 and 2)

    void stages() throws Exception {
        int warmups = QUICK ? 1 : 3;
        int measured = QUICK ? 2 : 5;
        org.openjdk.jmh.runner.options.Options options = new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(StageBenchmarks.class.getName()).forks(1)
                .warmupIterations(warmups).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(measured).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .build();
        out.append("## Stages as plain Java (JMH 1.37, average time, one fork, ").append(warmups).append(" x 1 s warm-up, ")
                .append(measured).append(" x 1 s measured)\n\n")
                .append("| benchmark | µs/op | ± (99.9%) |\n|---|---:|---:|\n");
        for (org.openjdk.jmh.results.RunResult r : new org.openjdk.jmh.runner.Runner(options).run()) {
            org.openjdk.jmh.results.Result<?> score = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name.substring(name.lastIndexOf('.') + 1),
                    score.getScore(), score.getScoreError()));
        }
        out.append('\n');
    }

    // ---- 1 and 3: one run through the route vs the same stages as plain Java; replay throughput

    void pipelineAndReplay() throws Exception {
        String month = System.getProperty("bench.month", "2025-03");
        Instant from = java.time.YearMonth.parse(month).atDay(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        Instant to = java.time.YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        AgentSettings agent = AgentSettings.fromParameters(engine.parameters("test_stock", TECHNICAL));
        PriceHistory history = new SyntheticHistory(calendar, 42, 250, 0.6, 0).load(agent, from.minus(Duration.ofDays(10)), to);
        ReplayRequest request = new ReplayRequest("test_stock", TECHNICAL, from, to, history, Map.of(), null,
                new FillModel(0, 0, 5), 100_000, null);

        // warm up both, then measure
        for (int i = 0; i < 2; i++) {
            engine.replay(request, ReplayEngine.Progress.NONE);
            plain(agent, request);
        }
        List<Long> routeNanos = new ArrayList<>();
        long[] last = {System.nanoTime()};
        long t0 = System.nanoTime();
        ReplayResult routed = engine.replay(request, (d, t) -> {
            long now = System.nanoTime();
            routeNanos.add(now - last[0]);
            last[0] = now;
        });
        double routeSeconds = (System.nanoTime() - t0) / 1e9;
        routeNanos.remove(0); // the first includes adding the routes
        PlainResult plain = plain(agent, request);

        long[] r = routeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] p = plain.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        out.append("## Pipeline overhead: one run, full route vs the same stages as plain Java\n\n")
                .append("test_stock, technical only, ").append(r.length).append(" runs of ").append(month)
                .append(" on synthetic 5-minute bars, in-process providers (history market data, paper broker)\n\n")
                .append("| | p50 µs | p99 µs | mean µs |\n|---|---:|---:|---:|\n")
                .append(row("Camel route (replay: trigger)", r)).append(row("plain Java, same beans", p))
                .append(String.format(Locale.ROOT, "| **ratio route / plain** | %.1f | %.1f | %.1f |%n%n",
                        pct(r, 50) / pct(p, 50), pct(r, 99) / pct(p, 99), mean(r) / mean(p)))
                .append(String.format(Locale.ROOT, "same decisions in both: %s%n%n", sameDecisions(routed, plain)));

        int runs = routed.runs().size();
        out.append("## Replay throughput\n\n| mode | runs (bars) | seconds | bars/s |\n|---|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| one agent, full route | %d | %.2f | %.0f |%n", runs, routeSeconds, runs / routeSeconds))
                .append(String.format(Locale.ROOT, "| one agent, plain Java | %d | %.2f | %.0f |%n", runs, plain.seconds, runs / plain.seconds));
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> base = new LinkedHashMap<>(TECHNICAL);
        BacktestSpec sweep = new BacktestSpec("test_stock", month + "-01", java.time.YearMonth.parse(month).atEndOfMonth().toString(),
                "synthetic", null, null, base, Map.of("threshold", List.of(0.05, 0.1, 0.15, 0.2),
                "orderNotional", List.of(500, 1000)), null, null, null, null, 42L);
        long s0 = System.nanoTime();
        BacktestJob job = backtests.await(backtests.submit(sweep));
        double sweepSeconds = (System.nanoTime() - s0) / 1e9;
        out.append(String.format(Locale.ROOT, "| sweep of %d combinations on %d threads, full route | %d | %.2f | %.0f |%n%n",
                job.sweep().size(), cores, job.progress().done(), sweepSeconds, job.progress().done() / sweepSeconds));
    }

    record PlainResult(List<Long> nanos, List<AgentRun> runs, double seconds) {
    }

    /** The template's steps, called one after another as plain Java methods on the same beans. */
    PlainResult plain(AgentSettings agent, ReplayRequest request) {
        io.ztrade.backtest.ReplayClockAccess clock = new io.ztrade.backtest.ReplayClockAccess();
        PaperBroker broker = new PaperBroker(agent.symbol(), request.startingCash(), request.history(), clock.clock(),
                request.fills());
        MarketDataProvider market = new HistoricalMarketData(request.history(), clock.clock());
        ReplaySentiment sentiment = ReplaySentiment.technicalOnly(clock.clock());
        io.ztrade.backtest.ReplayRecords records = new io.ztrade.backtest.ReplayRecords();
        RiskStep risk = new RiskStep(new RiskValidator(riskRules, DeskModes.ALWAYS_ACTIVE, broker, records));
        OrderPlacement placement = new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE);
        List<Instant> times = engine.fireTimes(agent, request.from(), request.to());
        List<Long> nanos = new ArrayList<>(times.size());
        List<AgentRun> runs = new ArrayList<>(times.size());
        long start = System.nanoTime();
        for (Instant at : times) {
            long t = System.nanoTime();
            clock.set(at);
            AgentRun run = marketHours.apply(AgentRun.start(agent, RunTrigger.REPLAY, false, at, Instant.now()));
            if (run.inProgress()) {
                run = run.withMarket(market.snapshot(new Instrument(agent.agentId(), agent.symbol(), agent.assetClass()),
                        agent.barTimeframe(), agent.barCount()));
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
        return new PlainResult(nanos, runs, (System.nanoTime() - start) / 1e9);
    }

    static String sameDecisions(ReplayResult routed, PlainResult plain) {
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

    // ---- 2: agents per node

    /**
     * Each level is a node in a JVM of its own ({@link BenchNode}) that loads its agents from YAML files at start-up,
     * as a real node loads routes/: adding thousands of routes to a running CamelContext is quadratic in Camel 4.17
     * (every add gathers the endpoints of every route already there), loading them before the context starts is not.
     * A node with no agents is measured first: heap per agent is the heap above it.
     */
    void agentsPerNode() throws Exception {
        String levels = System.getProperty("bench.agents", QUICK ? "" : "100,1000,5000");
        if (levels.isBlank()) {
            out.append("## Agents per node\n\nskipped (quick mode; -Dbench.agents=100 measures a level)\n\n");
            return;
        }
        String heap = System.getProperty("bench.node.heap", "10g");
        List<String> flags = new ArrayList<>(List.of("-Xmx" + heap));
        if (System.getProperty("bench.histo") != null) {
            flags.add("-Dbench.histo=true");
        }
        String jvmArgs = System.getProperty("bench.node.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            flags.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        NodeLauncher launcher = new NodeLauncher(BENCH_DIR, flags, Duration.ofMinutes(30));
        out.append("## Agents per node (1-minute cron, in-process providers, one fire per agent measured)\n\n")
                .append("Each level a node in a JVM of its own (").append(String.join(" ", flags)).append(") that loads its ")
                .append("agents from YAML files at start-up; each run: full template, ")
                .append("market data from an in-process snapshot, technical analysis on 100 bars, paper broker, record ")
                .append("wireTap to a collector. Measured: the second fire time after start-up. Lag = run start - scheduled ")
                .append("fire time; CPU = process CPU seconds from 1 s before that fire time until every agent has run; ")
                .append("MBeans = camel.main.jmx-management-m-beans-level. Target: issue 14's for 5,000 agents (lag p99 ")
                .append(Target.LAG_P99_MS).append(" ms, start-up ").append(Target.STARTUP_S).append(" s).\n\n")
                .append("| MBeans | agents | fired | lag p50 ms | lag p99 ms | lag max ms | CPU s per fire | heap after GC MiB | heap per agent KiB | peak threads | start-up s | quartz threads | target |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String mbeans : System.getProperty("bench.mbeans", QUICK ? "RoutesOnly" : "Default,RoutesOnly").split(",")) {
            Map<String, String> base = node(launcher, 0, mbeans.trim());
            double baseHeap = Double.parseDouble(base.get("heap"));
            out.append(nodeRow(base, 0));
            for (String level : levels.split(",")) {
                out.append(nodeRow(node(launcher, Integer.parseInt(level.trim()), mbeans.trim()), baseHeap));
                Files.writeString(BENCH_DIR.resolve("benchmarks.md"), out);
            }
        }
        out.append('\n');
    }

    static Map<String, String> node(NodeLauncher launcher, int n, String mbeans) throws Exception {
        Map<String, String> fields = launcher.run(n, mbeans);
        System.out.println("agents per node: " + fields);
        return fields;
    }

    static String nodeRow(Map<String, String> r, double baseHeap) {
        int n = Integer.parseInt(r.get("n"));
        double heap = Double.parseDouble(r.get("heap"));
        // the targets are for 5,000 agents: a smaller node meeting them says little
        String target = n < 5000 ? "" : "lag p99 " + Target.LAG_P99_MS.beside(Double.parseDouble(r.get("p99")))
                + ", start-up " + Target.STARTUP_S.beside(Double.parseDouble(r.get("startup")));
        return String.format(Locale.ROOT, "| %s | %d | %s%s | %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s |%n", r.get("mbeans"), n,
                r.get("fired"), Boolean.parseBoolean(r.get("all")) ? "" : " (not all)", r.get("p50"), r.get("p99"),
                r.get("max"), r.get("cpu"), heap / 1048576,
                n == 0 ? "(base)" : String.format(Locale.ROOT, "%.0f", (heap - baseHeap) / 1024 / n),
                r.get("peakThreads"), r.get("startup"), r.getOrDefault("quartzThreads", "?"), target);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double mean(long[] x) {
        return Arrays.stream(x).average().orElse(0);
    }

    static String row(String label, long[] nanos) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", label, pct(nanos, 50) / 1e3, pct(nanos, 99) / 1e3,
                mean(nanos) / 1e3);
    }
}
