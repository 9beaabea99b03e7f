package io.ztrade.bench;

import com.sun.management.OperatingSystemMXBean;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.broker.OrderPlacement;
import io.ztrade.decision.DecisionPolicy;
import io.ztrade.market.MarketDataProvider;
import io.ztrade.market.MarketHoursFilter;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.replay.BacktestSpec;
import io.ztrade.replay.Backtests;
import io.ztrade.replay.FillModel;
import io.ztrade.replay.HistoricalMarketData;
import io.ztrade.replay.PaperBroker;
import io.ztrade.replay.PriceHistory;
import io.ztrade.replay.ReplayEngine;
import io.ztrade.replay.ReplayRequest;
import io.ztrade.replay.ReplayResult;
import io.ztrade.replay.ReplaySentiment;
import io.ztrade.replay.SyntheticHistory;
import io.ztrade.risk.KillSwitch;
import io.ztrade.risk.RiskRule;
import io.ztrade.risk.RiskValidator;
import io.ztrade.sentiment.SentimentAnalyzer;
import io.ztrade.technical.TechnicalAnalyzer;
import io.ztrade.market.MarketCalendar;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark suite ({@code ./mvnw -Pbench test}; never part of {@code verify}, whose Surefire includes do not match
 * {@code *Bench}). Prints its tables and writes them to {@code target/bench/}. Sizes: {@code -Dbench.agents=100,1000}
 * and {@code -Dbench.month=2025-03}.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.io.ztrade.runs=WARN", "logging.level.io.ztrade.bench.runs=WARN", "camel.component.quartz.thread-pool-size=10"})
class ZtradeBench {

    static final Map<String, String> TECHNICAL = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", "0",
            "threshold", "0.1", "barTimeframe", "5Min");

    @Autowired
    ReplayEngine engine;
    @Autowired
    Backtests backtests;
    @Autowired
    CamelContext camel;
    @Autowired
    MarketCalendar calendar;
    @Autowired
    MarketHoursFilter marketHours;
    @Autowired
    TechnicalAnalyzer technical;
    @Autowired
    DecisionPolicy decision;
    @Autowired
    List<RiskRule> riskRules;
    @Autowired
    AgentCatalog catalog;

    final StringBuilder out = new StringBuilder();

    @Test
    void benchmarks() throws Exception {
        String cpu = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB";
        out.append("# Ztrade benchmarks\n\nmachine: ").append(cpu).append("\n\n");
        pipelineAndReplay();
        agentsPerNode();
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("benchmarks.md"), out);
        System.out.println(out);
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
        Backtests.Job job = backtests.await(backtests.submit(sweep));
        double sweepSeconds = (System.nanoTime() - s0) / 1e9;
        out.append(String.format(Locale.ROOT, "| sweep of %d combinations on %d threads, full route | %d | %.2f | %.0f |%n%n",
                job.sweep().size(), cores, job.progress().done(), sweepSeconds, job.progress().done() / sweepSeconds));
    }

    record PlainResult(List<Long> nanos, List<AgentRun> runs, double seconds) {
    }

    /** The template's steps, called one after another as plain Java methods on the same beans. */
    PlainResult plain(AgentSettings agent, ReplayRequest request) {
        io.ztrade.replay.ReplayClockAccess clock = new io.ztrade.replay.ReplayClockAccess();
        PaperBroker broker = new PaperBroker(agent.symbol(), request.startingCash(), request.history(), clock.clock(),
                request.fills());
        MarketDataProvider market = new HistoricalMarketData(request.history(), clock.clock());
        SentimentAnalyzer sentiment = ReplaySentiment.technicalOnly(clock.clock());
        io.ztrade.replay.ReplayRecords records = new io.ztrade.replay.ReplayRecords();
        RiskValidator risk = new RiskValidator(riskRules, new KillSwitch(), broker, records);
        OrderPlacement placement = new OrderPlacement(broker);
        List<Instant> times = engine.fireTimes(agent, request.from(), request.to());
        List<Long> nanos = new ArrayList<>(times.size());
        List<AgentRun> runs = new ArrayList<>(times.size());
        long start = System.nanoTime();
        for (Instant at : times) {
            long t = System.nanoTime();
            clock.set(at);
            AgentRun run = marketHours.apply(AgentRun.start(agent, RunTrigger.REPLAY, false, at, Instant.now()));
            if (run.inProgress()) {
                run = run.withMarket(market.snapshot(agent));
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

    void agentsPerNode() throws Exception {
        String levels = System.getProperty("bench.agents", "100,1000");
        out.append("## Agents per node (1-minute cron, in-process providers, one fire per agent measured)\n\n")
                .append("Quartz thread pool 10 (camel-quartz default), each run: full template, market data from an in-process ")
                .append("snapshot, technical analysis on 100 bars, paper broker, record wireTap to a collector.\n\n")
                .append("| agents | fired within 90 s of one fire time | lag p50 ms | lag p99 ms | lag max ms | CPU (process, % of all cores) | heap after GC MiB | heap per agent KiB | route creation s |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String level : levels.split(",")) {
            agentsPerNode(Integer.parseInt(level.trim()));
        }
        out.append('\n');
    }

    void agentsPerNode(int n) throws Exception {
        AgentSettings template = AgentSettings.fromParameters(engine.parameters("test_crypto", Map.of()));
        PriceHistory history = new SyntheticHistory(calendar, 1, 60_000, 0.5, 0).load(template,
                Instant.now().minus(Duration.ofDays(6)), Instant.now());
        MarketSnapshot snapshot = history.at(template, Instant.now());
        io.ztrade.replay.ReplayClockAccess clock = new io.ztrade.replay.ReplayClockAccess();
        clock.set(Instant.now().plus(Duration.ofDays(1)));
        PaperBroker broker = new PaperBroker("BTC/USD", 1e12, history, clock.clock(), new FillModel(0, 0, 0));
        io.ztrade.replay.ReplayRecords records = new io.ztrade.replay.ReplayRecords();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        CountDownLatch fired = new CountDownLatch(n);
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Instant[] measureFrom = {Instant.MAX};
        String prefix = "bench" + n + "x";
        camel.getRegistry().bind(prefix + "sentiment", ReplaySentiment.technicalOnly(clock.clock()));
        camel.getRegistry().bind(prefix + "risk", new RiskValidator(riskRules, new KillSwitch(), broker, records));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + prefix + "market").routeId(prefix + "market").process(e -> e.getMessage().setBody(snapshot));
                from("direct:" + prefix + "order").routeId(prefix + "order").bean(new OrderPlacement(broker), "place");
                from("direct:" + prefix + "record").routeId(prefix + "record").process(e -> {
                    AgentRun run = e.getMessage().getBody(AgentRun.class);
                    if (!run.scheduledAt().isBefore(measureFrom[0]) && seen.add(run.agentId())) {
                        lags.add(Duration.between(run.scheduledAt(), run.startedAt()).toNanos());
                        fired.countDown();
                    }
                });
            }
        });
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long c0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format(Locale.ROOT, "b%dx%05d", n, i));
        }
        // YAML files of templatedRoute entries, loaded the way routes/agents.yaml is; at most 1,000 agents a file,
        // as one YAML document may hold at most 3 MiB (SnakeYAML's limit, about 4,000 entries like these)
        for (int from = 0; from < ids.size(); from += 1000) {
        StringBuilder yaml = new StringBuilder();
        for (String id : ids.subList(from, Math.min(ids.size(), from + 1000))) {
            yaml.append("- templatedRoute:\n    routeTemplateRef: ").append(AgentCatalog.TEMPLATE_ID)
                    .append("\n    routeId: ").append(id).append("\n    prefixId: ").append(id).append(".\n    parameters:\n");
            Map<String, String> p = new LinkedHashMap<>();
            p.put("agentId", id);
            p.put("symbol", "BTC/USD");
            p.put("assetClass", "crypto");
            p.put("cron", "0 * * * * ?");
            p.put("barTimeframe", "1Hour");
            p.put("marketDataUri", "direct:" + prefix + "market");
            p.put("orderUri", "direct:" + prefix + "order");
            p.put("recordUri", "direct:" + prefix + "record");
            p.put("runLog", "io.ztrade.bench.runs");
            p.put("sentimentBean", prefix + "sentiment");
            p.put("riskBean", prefix + "risk");
            p.forEach((k, v) -> yaml.append("      - { name: ").append(k).append(", value: \"").append(v).append("\" }\n"));
        }
        org.apache.camel.support.PluginHelper.getRoutesLoader(camel).loadRoutes(
                org.apache.camel.support.ResourceHelper.fromString("bench-agents-" + n + "-" + from + ".yaml", yaml.toString()));
        }
        if (camel.getRoute(ids.get(ids.size() - 1)) == null) {
            throw new IllegalStateException("the " + n + " agent routes were not created");
        }
        double creation = (System.nanoTime() - c0) / 1e9;
        // the first fire time after every route exists: earlier fires overlap route creation
        measureFrom[0] = Instant.now().plusSeconds(60 - Instant.now().getEpochSecond() % 60);
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        boolean all = fired.await(Duration.between(Instant.now(), measureFrom[0]).toSeconds() + 90, TimeUnit.SECONDS);
        double cpu = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - w0) / Runtime.getRuntime().availableProcessors();
        for (String id : ids) {
            camel.getRouteController().stopRoute(id, 1, TimeUnit.SECONDS);
            camel.removeRoute(id);
        }
        for (String id : List.of(prefix + "market", prefix + "order", prefix + "record")) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
        long[] l = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        out.append(String.format(Locale.ROOT, "| %d | %d%s | %.1f | %.1f | %.1f | %.0f%% | %.0f | %.0f | %.1f |%n", n, l.length,
                all ? "" : " (not all)", pct(l, 50) / 1e6, pct(l, 99) / 1e6, l.length == 0 ? 0 : l[l.length - 1] / 1e6,
                100 * cpu, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1024.0 / n, creation));
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/benchmarks.md"), out);
        System.out.println(out);
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
