package io.ztrade.bench;

import com.sun.management.OperatingSystemMXBean;
import io.ztrade.ZtradeApplication;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.TestAgents;
import io.ztrade.agent.steps.OrderPlacement;
import io.ztrade.backtest.FillModel;
import io.ztrade.backtest.PaperBroker;
import io.ztrade.backtest.PriceHistory;
import io.ztrade.backtest.ReplayClockAccess;
import io.ztrade.backtest.ReplayRecords;
import io.ztrade.backtest.ReplaySentiment;
import io.ztrade.backtest.SyntheticHistory;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.RiskRule;
import io.ztrade.risk.RiskValidator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One Ztrade node with {@code n} agents, in a JVM of its own, for the agents-per-node benchmark ({@link ZtradeBench}
 * starts it). The agents are YAML {@code templatedRoute} files in a directory, loaded from {@code routes/} at start-up
 * the way a real node loads {@code routes/agents.yaml}; each is a full template route on quartz with a 1-minute cron
 * and in-process providers. The node writes its agents' files, starts, measures one fire of every agent and writes
 * one result line.
 *
 * <p>Arguments: {@code n agentsDir resultFile [mbeansLevel]}; {@code -Dbench.histo} for a class
 * histogram of the started node.
 */
public final class BenchNode {

    static final String RESULT = "bench-node-result";

    /** Every bench agent's settings: the template's defaults with the parameters {@link #writeAgents} gives. */
    static final AgentSettings BENCH_AGENT = AgentSettings.fromParameters(benchAgent("b00000"));

    private BenchNode() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String agentsDir = args[1];
        Path result = Path.of(args[2]);
        String mbeans = args.length > 3 ? args[3] : "Default";
        writeAgents(n, Path.of(agentsDir));
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ZtradeApplication.class, Providers.class)
                .profiles("test")
                .run("--bench.node.agents=" + n,
                        "--camel.main.name=bench-node-" + n,
                        // the bench's copy of the template (its in-process wiring) and its agents
                        "--camel.main.routes-include-pattern=file:" + agentsDir + "/*.yaml",
                        "--ztrade.quartz.thread-count=10",
                        "--camel.main.jmx-management-m-beans-level=" + mbeans,
                        "--camel.springboot.main-run-controller=false",
                        "--server.port=0",
                        "--logging.level.io.ztrade.runs=WARN",
                        "--logging.level.io.ztrade.bench.runs=WARN");
        double startup = (System.nanoTime() - t0) / 1e9;
        // the process's CPU until now: what the start-up cost, whatever else the machine was running meanwhile
        double startupCpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        CamelContext camel = app.getBean(CamelContext.class);
        Fires fires = app.getBean(Fires.class);
        int routes = camel.getRoutes().size();
        // none without agents: camel-quartz makes its scheduler for the first quartz endpoint
        var quartz = (org.apache.camel.component.quartz.QuartzComponent) camel.hasComponent("quartz");
        int quartzThreads = quartz == null || quartz.getScheduler() == null ? 0
                : quartz.getScheduler().getMetaData().getThreadPoolSize();

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        if (System.getProperty("bench.histo") != null) {
            histogram(Path.of(result.toString().replace(".txt", "-histogram.txt")));
        }

        // the second fire time at least 5 s after start-up: start-up work does not count as lag, and the first round
        // (cold code, first-time class loading) warms the node up as its first minutes would
        Instant now = Instant.now().plusSeconds(5);
        Instant fireAt = now.plusSeconds(120 - now.getEpochSecond() % 60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fires.from = fireAt;
        if (n > 0) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), fireAt).toMillis() - 1000));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        boolean all = n == 0 || fires.all.await(90, TimeUnit.SECONDS);
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        int peakThreads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
        long[] lags = fires.lags.stream().mapToLong(Long::longValue).sorted().toArray();
        String line = String.format(Locale.ROOT, "%s n=%d mbeans=%s routes=%d fired=%d all=%b p50=%.1f p99=%.1f max=%.1f cpu=%.2f heap=%d "
                        + "threads=%d peakThreads=%d startup=%.1f startupCpu=%.1f quartzThreads=%d", RESULT, n, mbeans, routes, lags.length, all,
                ZtradeBench.pct(lags, 50) / 1e6, ZtradeBench.pct(lags, 99) / 1e6,
                lags.length == 0 ? 0 : lags[lags.length - 1] / 1e6, cpuSeconds, heap, threads, peakThreads, startup, startupCpu, quartzThreads);
        Files.writeString(result, line + "\n");
        System.out.println(line);
        dumpFlightRecordings(Path.of(result.toString().replace(".txt", ".jfr")));
        // no orderly shutdown: stopping thousands of routes takes minutes and measures nothing (in-memory database)
        Runtime.getRuntime().halt(0);
    }

    /**
     * Writes each running JFR recording (-XX:StartFlightRecording in bench.node.jvmArgs) to {@code file}: the node
     * halts next, and a halt writes no recording.
     */
    static void dumpFlightRecordings(Path file) throws Exception {
        for (jdk.jfr.Recording recording : jdk.jfr.FlightRecorder.isAvailable()
                ? jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings() : List.<jdk.jfr.Recording>of()) {
            if (recording.getState() == jdk.jfr.RecordingState.RUNNING) {
                recording.dump(file);
                System.out.println("flight recording written to " + file);
            }
        }
    }

    /** The live-object class histogram (jmap -histo:live), top 60 lines: where a node's heap goes. */
    static void histogram(Path file) throws Exception {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> mbeans = new java.util.TreeMap<>(ManagementFactory.getPlatformMBeanServer().queryNames(null, null)
                .stream().collect(java.util.stream.Collectors.groupingBy(
                        name -> name.getDomain() + " type=" + name.getKeyProperty("type"), java.util.stream.Collectors.counting())));
        Files.writeString(file, String.join("\n", text.toString().lines().limit(63).toList()) + "\n\nMBeans by type: "
                + mbeans + "\n");
    }

    /** Collects the lag of each agent's first run at or after {@link #from}. */
    public static final class Fires {
        final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final CountDownLatch all;
        volatile Instant from = Instant.MAX;

        Fires(int n) {
            all = new CountDownLatch(n);
        }

        void record(AgentRun run) {
            if (!run.scheduledAt().isBefore(from) && seen.add(run.agentId())) {
                lags.add(Duration.between(run.scheduledAt(), run.startedAt()).toNanos());
                all.countDown();
            }
        }
    }

    /**
     * The in-process providers the bench agents name in their parameters: a fixed market snapshot, a paper broker, the
     * technical-only sentiment and a risk validator over them. Not a @Configuration: it is passed to the
     * application as a source, so the test classpath's component scan never picks it up elsewhere.
     */
    static class Providers {

        private final ReplayClockAccess clock = new ReplayClockAccess();
        private final ReplayRecords records = new ReplayRecords();

        Providers() {
            clock.set(Instant.now().plus(Duration.ofDays(1)));
        }

        @Bean
        Fires benchFires(@Value("${bench.node.agents}") int agents) {
            return new Fires(agents);
        }

        /**
         * The routes the bench agents' marketDataUri, orderUri and recordUri name, and the sentiment and risk beans the
         * bench's copy of the template names instead of sentimentAnalyzer and riskValidator ({@link #writeAgents}), bound in Camel's registry only (as Spring beans they would meet the live ones in type-based injection).
         * The market data is six days of synthetic minute bars of BTC/USD, the same snapshot for every run.
         */
        @Bean
        RouteBuilder benchProviderRoutes(MarketCalendar calendar, List<RiskRule> riskRules, Fires fires) {
            PriceHistory history = new SyntheticHistory(calendar, 1, 60_000, 0.5, 0).load(BENCH_AGENT,
                    Instant.now().minus(Duration.ofDays(6)), Instant.now());
            MarketSnapshot snapshot = history.at(new io.ztrade.market.Instrument(BENCH_AGENT.agentId(), BENCH_AGENT.symbol(),
                    BENCH_AGENT.assetClass()), BENCH_AGENT.barCount(), Instant.now());
            PaperBroker broker = new PaperBroker("BTC/USD", 1e12, history, clock.clock(), new FillModel(0, 0, 0));
            return new RouteBuilder() {
                @Override
                public void configure() {
                    getContext().getRegistry().bind("benchSentiment", ReplaySentiment.technicalOnly(clock.clock()));
                    getContext().getRegistry().bind("benchRisk", new io.ztrade.agent.steps.RiskStep(
                            new RiskValidator(riskRules, DeskModes.ALWAYS_ACTIVE, broker, records)));
                    from("direct:benchMarket").routeId("benchMarket").process(e -> e.getMessage().setBody(snapshot));
                    from("direct:benchOrder").routeId("benchOrder").bean(new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE), "place");
                    from("direct:benchRecord").routeId("benchRecord")
                            .process(e -> fires.record(e.getMessage().getBody(AgentRun.class)));
                }
            };
        }
    }

    /** A bench agent's parameters: the template's defaults, BTC/USD (always open) on a 1-minute cron. */
    static Map<String, Object> benchAgent(String id) {
        Map<String, Object> p = new java.util.TreeMap<>(TestAgents.defaults("BTC/USD", "crypto"));
        p.put("agentId", id);
        p.put("cron", "0 * * * * ?");
        p.put("barTimeframe", "1Hour");
        return p;
    }

    /**
     * The bench's wiring (in-process providers): an agent entry may not set wiring, so it is the defaults of the
     * bench's copy of the template, which the node loads instead of routes/agent-template.yaml.
     */
    static final Map<String, String> WIRING = Map.of("marketDataUri", "direct:benchMarket", "orderUri", "direct:benchOrder",
            "recordUri", "direct:benchRecord", "runLog", "io.ztrade.bench.runs");

    /** The agents' YAML: {@code templatedRoute} entries, at most 1,000 to a file (one YAML document holds 3 MiB). */
    static void writeAgents(int n, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        String template = Files.readString(TestAgents.TEMPLATE);
        for (Map.Entry<String, String> w : WIRING.entrySet()) {
            template = template.replaceFirst("(- name: " + w.getKey() + "\\n(?:\\s+\\w+: [^\\n]*\\n)*?\\s+defaultValue: )[^\\n]*",
                    "$1" + w.getValue());
        }
        // and its step beans: a property cannot swap a live agent's (io.ztrade.agent.AgentCatalog.STEP_BEANS)
        template = template.replace("\"{{sentimentAnalyzer:sentimentAnalyzer}}\"", "benchSentiment")
                .replace("\"{{riskValidator:riskValidator}}\"", "benchRisk");
        Files.writeString(dir.resolve("agent-template.yaml"), template);
        for (int from = 0; from < n; from += 1000) {
            StringBuilder yaml = new StringBuilder();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                String id = String.format(Locale.ROOT, "b%05d", i);
                yaml.append("- templatedRoute:\n    routeTemplateRef: trading-agent\n    routeId: ").append(id)
                        .append("\n    parameters:\n");
                // what a trader writes: the parameters that differ from the template's defaults
                Map<String, Object> agent = benchAgent(id);
                for (String name : List.of("symbol", "assetClass", "cron", "barTimeframe")) {
                    yaml.append("      - { name: ").append(name).append(", value: \"").append(agent.get(name)).append("\" }\n");
                }
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "agents-%05d.yaml", from)), yaml);
        }
    }
}
