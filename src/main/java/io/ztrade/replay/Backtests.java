package io.ztrade.replay;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.ProviderEndpoints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Backtests: checks a {@link BacktestSpec} at once (agent, dates, source, parameters, history), then replays it
 * (every sweep combination in parallel) on its own threads, keeping progress and, when done, the report and its
 * files under {@code ztrade.replay.output-dir/<id>/}.
 */
@Component
public class Backtests {

    private static final Logger LOG = LoggerFactory.getLogger(Backtests.class);

    public static final Set<String> SOURCES = Set.of("synthetic", "csv", "alpaca", "recorded");

    public enum Status { RUNNING, DONE, FAILED }

    /** A checked backtest, its history loaded: one replay request per sweep combination. */
    public record Prepared(BacktestSpec spec, String source, List<ReplayRequest> requests) {
    }

    /** Progress: replayed fire times of all combinations, speed and time left. */
    public record Progress(int done, int total, double percent, double runsPerSecond, Double etaSeconds) {
    }

    /** One line of a sweep's table, best Sharpe first. */
    public record SweepRow(Map<String, String> parameters, double totalReturn, Double sharpe, double maxDrawdown,
                           int trades, Double winRate) {
    }

    public record View(String id, String agent, Status status, Progress progress, BacktestReport report,
                       List<SweepRow> sweep, Map<String, String> files, String error) {
    }

    /** One backtest while it runs and after. */
    public final class Job {
        private final String id;
        private final Prepared prepared;
        private final long started = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();
        private final int total;
        private final AtomicLong finishedNanos = new AtomicLong();
        private volatile Status status = Status.RUNNING;
        private volatile BacktestReport report;
        private volatile List<SweepRow> sweep = List.of();
        private volatile String error;
        private volatile Future<?> coordinatorFuture;

        Job(String id, Prepared prepared, int total) {
            this.id = id;
            this.prepared = prepared;
            this.total = total;
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
            return properties.outputDir().resolve(id);
        }

        public Progress progress() {
            int d = done.get();
            long end = finishedNanos.get() == 0 ? System.nanoTime() : finishedNanos.get();
            double seconds = (end - started) / 1e9;
            double rate = seconds > 0 ? d / seconds : 0;
            Double eta = status != Status.RUNNING ? Double.valueOf(0) : rate > 0 ? (total - d) / rate : null;
            return new Progress(d, total, total == 0 ? 100 : 100.0 * d / total, rate, eta);
        }

        public View view() {
            Map<String, String> files = new LinkedHashMap<>();
            if (status == Status.DONE) {
                for (String f : List.of(ReportFiles.REPORT, ReportFiles.EQUITY_CHART, ReportFiles.DRAWDOWN_CHART, ReportFiles.TRADES)) {
                    if (Files.exists(dir().resolve(f))) {
                        files.put(f, "/api/backtests/" + id + "/files/" + f);
                    }
                }
            }
            return new View(id, prepared.spec().agent(), status, progress(), report, sweep, files, error);
        }
    }

    private final ReplayEngine engine;
    private final AgentCatalog catalog;
    private final MarketCalendar calendar;
    private final RecordedRuns recorded;
    private final ReplayProperties properties;
    private final AlpacaHistory alpaca;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService coordinators = Executors.newCachedThreadPool(named("backtest"));
    private final ExecutorService replays;

    public Backtests(ReplayEngine engine, AgentCatalog catalog, MarketCalendar calendar, RecordedRuns recorded,
                     ReplayProperties properties, AlpacaClient alpacaClient, ProviderEndpoints endpoints,
                     ObjectMapper mapper) {
        this.engine = engine;
        this.catalog = catalog;
        this.calendar = calendar;
        this.recorded = recorded;
        this.properties = properties;
        this.alpaca = new AlpacaHistory(alpacaClient, endpoints, mapper);
        this.replays = Executors.newFixedThreadPool(properties.parallelism(), named("replay"));
    }

    @PreDestroy
    void stop() {
        coordinators.shutdownNow();
        replays.shutdownNow();
    }

    /** Checks the spec and loads its history; every mistake is an {@link IllegalArgumentException} saying what. */
    public Prepared prepare(BacktestSpec spec) {
        if (spec == null || spec.agent() == null || spec.agent().isBlank()) {
            throw new IllegalArgumentException("'agent' is required, e.g. \"agent\": \"agent_tsla\"");
        }
        catalog.get(spec.agent());
        LocalDate fromDay = day("from", spec.from());
        LocalDate toDay = day("to", spec.to());
        if (toDay.isBefore(fromDay)) {
            throw new IllegalArgumentException("'to' " + toDay + " is before 'from' " + fromDay);
        }
        String source = spec.source() == null ? "synthetic" : spec.source().trim().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + spec.source() + "'; use one of synthetic, csv, alpaca, recorded");
        }
        Instant from = fromDay.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        Instant to = toDay.plusDays(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        Map<String, String> base = strings(spec.parameters());
        List<Map<String, String>> combos = combinations(base, spec.sweep());
        for (String fixed : List.of("symbol", "assetClass", "barTimeframe")) {
            if (spec.sweep() != null && spec.sweep().containsKey(fixed)) {
                throw new IllegalArgumentException("'" + fixed + "' cannot be swept: all combinations share one history");
            }
        }
        combos.forEach(c -> engine.parameters(spec.agent(), c));
        AgentSettings agent = AgentSettings.fromParameters(engine.parameters(spec.agent(), base));

        String sentimentMode = spec.sentiment() == null ? ("recorded".equals(source) ? "recorded" : "none")
                : spec.sentiment().trim().toLowerCase(Locale.ROOT);
        if (!Set.of("recorded", "none").contains(sentimentMode)) {
            throw new IllegalArgumentException("unknown sentiment '" + spec.sentiment() + "'; use recorded or none");
        }
        MarketHistory history;
        List<Instant> fireTimes = null;
        RecordedRuns.Inputs inputs = null;
        if ("recorded".equals(source) || "recorded".equals(sentimentMode)) {
            inputs = recorded.load(agent.agentId(), from, to);
        }
        Instant warmFrom = from.minus(warmUp(agent));
        switch (source) {
            case "synthetic" -> history = new SyntheticHistory(calendar, spec.seed() != null ? spec.seed() : properties.seed(),
                    250, 0.5, 0.1).load(agent, warmFrom, to);
            case "csv" -> {
                if (spec.csv() == null || spec.csv().isBlank()) {
                    throw new IllegalArgumentException("source 'csv' needs 'csv': the path of a bars file with header t,o,h,l,c,v");
                }
                history = new CsvHistory(Path.of(spec.csv())).load(agent, warmFrom, to);
            }
            case "alpaca" -> history = alpaca.load(agent, warmFrom, to);
            default -> {
                if (inputs.fireTimes().isEmpty()) {
                    throw new IllegalArgumentException("agent " + agent.agentId() + " has no recorded runs with market data between "
                            + fromDay + " and " + toDay);
                }
                Map<Instant, MarketSnapshot> market = inputs.market();
                history = new RecordedSnapshots(market);
                fireTimes = inputs.fireTimes();
            }
        }
        var sentiment = "recorded".equals(sentimentMode) ? inputs.sentiment() : Map.<Instant, io.ztrade.sentiment.SentimentReading>of();
        FillModel fills = new FillModel(
                or(spec.commissionPerOrder(), properties.commissionPerOrder()),
                or(spec.commissionBps(), properties.commissionBps()),
                or(spec.slippageBps(), properties.slippageBps()));
        double cash = or(spec.startingCash(), properties.startingCash());
        List<ReplayRequest> requests = new ArrayList<>();
        for (Map<String, String> combo : combos) {
            requests.add(new ReplayRequest(spec.agent(), combo, from, to, history, sentiment, properties.sentimentMaxAge(),
                    fills, cash, fireTimes));
        }
        return new Prepared(spec, source, requests);
    }

    /** Checks the spec now, replays it on the backtest threads. */
    public Job submit(BacktestSpec spec) {
        Prepared prepared = prepare(spec);
        Job job = start(prepared, ReplayEngine.Progress.NONE);
        return job;
    }

    /** Starts a prepared backtest; {@code listener} hears the progress of all its replays together. */
    public Job start(Prepared prepared, ReplayEngine.Progress listener) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Job job = new Job(id, prepared, total(prepared));
        jobs.put(id, job);
        job.coordinatorFuture = coordinators.submit(() -> run(job, listener));
        return job;
    }

    /** Fire times to replay, over all combinations. */
    public int total(Prepared prepared) {
        int total = 0;
        for (ReplayRequest r : prepared.requests()) {
            total += r.fireTimes() != null ? r.fireTimes().size() : engine.fireTimes(
                    AgentSettings.fromParameters(engine.parameters(r.agentId(), r.overrides())), r.from(), r.to()).size();
        }
        return total;
    }

    /** The backtests of this process, newest first (they are kept in memory until a restart). */
    public List<Job> latest(int limit) {
        return jobs.values().stream().sorted(java.util.Comparator.comparingLong((Job j) -> j.started).reversed())
                .limit(limit).toList();
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job, ReplayEngine.Progress listener) {
        try {
            ReplayEngine.Progress progress = (d, t) -> listener.advanced(job.done.incrementAndGet(), job.total);
            List<Future<ReplayResult>> futures = new ArrayList<>();
            for (ReplayRequest request : job.prepared.requests()) {
                futures.add(replays.submit(() -> engine.replay(request, progress)));
            }
            List<BacktestReport> reports = new ArrayList<>();
            List<ReplayResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                ReplayResult result = futures.get(i).get();
                results.add(result);
                reports.add(BacktestReport.of(job.prepared.requests().get(i), job.prepared.source(), result));
            }
            int best = 0;
            for (int i = 1; i < reports.size(); i++) {
                if (score(reports.get(i)) > score(reports.get(best))) {
                    best = i;
                }
            }
            ReportFiles.write(job.dir(), reports.get(best), results.get(best).fills());
            job.sweep = reports.size() < 2 ? List.of() : reports.stream()
                    .map(r -> new SweepRow(r.overrides(), r.totalReturn(), r.sharpe(), r.maxDrawdown(), r.trades(), r.winRate()))
                    .sorted(Comparator.comparingDouble((SweepRow r) -> r.sharpe() == null ? Double.NEGATIVE_INFINITY : r.sharpe()).reversed())
                    .toList();
            job.report = reports.get(best);
            job.status = Status.DONE;
            LOG.info("Backtest {} of {} done: {} runs, return {}, files in {}", job.id, job.prepared.spec().agent(),
                    job.done.get(), String.format(Locale.ROOT, "%+.2f%%", 100 * job.report.totalReturn()), job.dir());
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            job.error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            job.status = Status.FAILED;
            LOG.warn("Backtest {} of {} failed: {}", job.id, job.prepared.spec().agent(), job.error);
        } finally {
            job.finishedNanos.set(System.nanoTime());
        }
    }

    /** Waits for the job to end (the command line's and the tests' way). */
    public Job await(Job job) {
        try {
            job.coordinatorFuture.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // the job records its own failure
        }
        return job;
    }

    private static double score(BacktestReport r) {
        return r.sharpe() == null ? Double.NEGATIVE_INFINITY : r.sharpe();
    }

    /** Enough history before 'from' that the first run has its barCount bars (stock sessions are 6.5 hours). */
    static Duration warmUp(AgentSettings agent) {
        Duration bars = PriceHistory.timeframe(agent.barTimeframe()).multipliedBy(agent.barCount());
        long days = agent.assetClass() == io.ztrade.agent.AssetClass.CRYPTO ? bars.toDays() + 1 : bars.toMinutes() / 390 + 1;
        return Duration.ofDays(days * 7 / 5 + 5);
    }

    static List<Map<String, String>> combinations(Map<String, String> base, Map<String, List<Object>> sweep) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>(base));
        if (sweep == null) {
            return combos;
        }
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
            if (axis.getValue() == null || axis.getValue().isEmpty()) {
                throw new IllegalArgumentException("sweep '" + axis.getKey() + "' has no values");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combo : combos) {
                for (Object value : axis.getValue()) {
                    Map<String, String> c = new LinkedHashMap<>(combo);
                    c.put(axis.getKey(), String.valueOf(value));
                    next.add(c);
                }
            }
            combos = next;
        }
        if (combos.size() > 1000) {
            throw new IllegalArgumentException("sweep of " + combos.size() + " combinations; at most 1000");
        }
        return combos;
    }

    private static Map<String, String> strings(Map<String, Object> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required, a New York date like 2025-01-31");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' '" + value + "' is not a date like 2025-01-31");
        }
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
