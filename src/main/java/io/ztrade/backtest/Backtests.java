package io.ztrade.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.ProviderEndpoints;
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
 * Backtests: checks a {@link BacktestSpec} at once (agent, dates, source, parameters, history, size), then replays
 * it (every sweep combination in parallel) on its own threads, keeping progress and, when done, the report and its
 * files under {@code ztrade.replay.output-dir/<id>/}.
 * <p>
 * Bounded by {@link BacktestProperties}: a sweep is sized before it is built, the range, bars, runs and estimated
 * heap of a job are capped, at most {@code max-running} replay at once with {@code max-queued} waiting (then
 * {@link BusyException}, a 429), and only the newest {@code keep-finished} finished jobs stay in memory (the
 * others are read back from their {@code report.json}).
 */
@Component
public class Backtests {

    private static final Logger LOG = LoggerFactory.getLogger(Backtests.class);

    public static final Set<String> SOURCES = Set.of("synthetic", "csv", "alpaca", "recorded");

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** A checked backtest, its history loaded: one replay request per sweep combination. */
    public record Prepared(BacktestSpec spec, String source, List<ReplayRequest> requests) {
    }

    /** Every slot is taken: the API answers 429 with {@code Retry-After}. */
    public static final class BusyException extends RuntimeException {
        private final Duration retryAfter;

        BusyException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Measured on this code (BacktestLimitsTest): heap a bar, a run in flight and a finished combination hold. */
    static final long BAR_BYTES = 128;
    static final long RUN_BYTES = 512;
    static final long COMBINATION_BYTES = 4_096;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f]{8}");

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
        private final String owner;
        private final long submitted = System.nanoTime();
        private volatile long started = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();
        private final int total;
        private final AtomicLong finishedNanos = new AtomicLong();
        private volatile Status status = Status.QUEUED;
        private volatile BacktestReport report;
        private volatile List<SweepRow> sweep = List.of();
        private volatile String error;
        private volatile Future<?> coordinatorFuture;

        Job(String id, Prepared prepared, int total, String owner) {
            this.id = id;
            this.prepared = prepared;
            this.total = total;
            this.owner = owner;
        }

        public String owner() {
            return owner;
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
            Double eta = status == Status.DONE || status == Status.FAILED ? Double.valueOf(0) : rate > 0 ? (total - d) / rate : null;
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

        boolean finished() {
            return status == Status.DONE || status == Status.FAILED;
        }
    }

    private final ReplayEngine engine;
    private final AgentCatalog catalog;
    private final MarketCalendar calendar;
    private final RecordedRuns recorded;
    private final ReplayProperties properties;
    private final BacktestProperties limits;
    private final BarsFiles barsFiles;
    private final AlpacaHistory alpaca;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** Backtests running or queued, and those of each user; guarded by {@code this}. */
    private int active;
    private final Map<String, Integer> activeByOwner = new java.util.HashMap<>();
    private final ExecutorService coordinators;
    private final ExecutorService replays;

    public Backtests(ReplayEngine engine, AgentCatalog catalog, MarketCalendar calendar, RecordedRuns recorded,
                     ReplayProperties properties, BacktestProperties limits, AlpacaClient alpacaClient,
                     ProviderEndpoints endpoints, ObjectMapper mapper) {
        this.engine = engine;
        this.catalog = catalog;
        this.calendar = calendar;
        this.recorded = recorded;
        this.properties = properties;
        this.limits = limits;
        this.barsFiles = new BarsFiles(limits.dataDir());
        // a fixed pool: admission (reserve) keeps its queue within max-queued
        this.coordinators = Executors.newFixedThreadPool(limits.maxRunning(), named("backtest"));
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
        return prepare(spec, null);
    }

    /**
     * As {@link #prepare(BacktestSpec)}; {@code bars} (an upload, or the command line's own file) is the CSV of
     * source csv, else a CSV comes by name from {@code ztrade.backtest.data-dir} only.
     */
    public Prepared prepare(BacktestSpec spec, CsvHistory.Source bars) {
        if (spec == null || spec.agent() == null || spec.agent().isBlank()) {
            throw new IllegalArgumentException("'agent' is required, e.g. \"agent\": \"agent_tsla\"");
        }
        catalog.get(spec.agent());
        LocalDate fromDay = day("from", spec.from());
        LocalDate toDay = day("to", spec.to());
        if (toDay.isBefore(fromDay)) {
            throw new IllegalArgumentException("'to' " + toDay + " is before 'from' " + fromDay);
        }
        if (toDay.isAfter(fromDay.plus(limits.maxRange()))) {
            throw new IllegalArgumentException("'from' " + fromDay + " to 'to' " + toDay + " is longer than "
                    + "ztrade.backtest.max-range (" + limits.maxRange() + "); backtest a shorter range");
        }
        String source = spec.source() == null ? (bars != null ? "csv" : "synthetic") : spec.source().trim().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + spec.source() + "'; use one of synthetic, csv, alpaca, recorded");
        }
        Instant from = fromDay.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        Instant to = toDay.plusDays(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        if (bars != null && !"csv".equals(source)) {
            throw new IllegalArgumentException("an uploaded bars file is for source 'csv', not '" + spec.source() + "'");
        }
        Map<String, String> base = strings(spec.parameters());
        for (String fixed : List.of("symbol", "assetClass", "barTimeframe")) {
            if (spec.sweep() != null && spec.sweep().containsKey(fixed)) {
                throw new IllegalArgumentException("'" + fixed + "' cannot be swept: all combinations share one history");
            }
        }
        List<Map<String, String>> combos = combinations(base, spec.sweep(), limits.maxCombinations());
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
            inputs = recorded.load(agent.agentId(), from, to, limits.maxBarsPerJob());
        }
        Instant warmFrom = from.minus(warmUp(agent));
        if (!"csv".equals(source) && !"recorded".equals(source)) {
            // generated or downloaded bars: refuse before making them (a CSV counts its own while it is read)
            long most = mostBars(agent, warmFrom, to);
            if (most > limits.maxBarsPerJob()) {
                throw new IllegalArgumentException("backtest of up to " + most + " " + agent.barTimeframe() + " bars (warm-up "
                        + "included) is more than ztrade.backtest.max-bars-per-job (" + limits.maxBarsPerJob()
                        + "); backtest a shorter range or longer bars");
            }
        }
        switch (source) {
            case "synthetic" -> history = new SyntheticHistory(calendar, spec.seed() != null ? spec.seed() : properties.seed(),
                    250, 0.5, 0.1).load(agent, warmFrom, to);
            case "csv" -> {
                if (bars == null && (spec.csv() == null || spec.csv().isBlank())) {
                    throw new IllegalArgumentException("source 'csv' needs 'csv': the name of a bars file (header t,o,h,l,c,v) "
                            + "under ztrade.backtest.data-dir (" + limits.dataDir() + "), or an upload");
                }
                CsvHistory.Source file = bars != null ? bars : barsFiles.open(spec.csv());
                history = new CsvHistory(file, limits.maxCsvSize().toBytes(), limits.maxBarsPerJob()).load(agent, warmFrom, to);
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
        if (history.size() > limits.maxBarsPerJob()) {
            throw new IllegalArgumentException("backtest of " + history.size() + " bars (warm-up included) is more than "
                    + "ztrade.backtest.max-bars-per-job (" + limits.maxBarsPerJob() + "); backtest a shorter range");
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
                    fills, cash, fireTimes, false));
        }
        Prepared prepared = new Prepared(spec, source, requests);
        // recorded snapshots each hold their own bars
        int heldBars = fireTimes != null ? inputs.market().values().stream().mapToInt(m -> m.bars().size() + 1).sum() : history.size();
        checkSize(prepared, heldBars);
        return prepared;
    }

    /** Runs and estimated heap of a prepared job within their caps (see {@link BacktestProperties}). */
    private void checkSize(Prepared prepared, int bars) {
        Map<String, Integer> runsByCron = new java.util.HashMap<>();
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
        long inFlight = Math.min(prepared.requests().size(), properties.parallelism());
        long heap = bars * BAR_BYTES + inFlight * mostRuns * RUN_BYTES + prepared.requests().size() * COMBINATION_BYTES;
        if (heap > limits.maxHeapPerJob().toBytes()) {
            throw new IllegalArgumentException("backtest would hold about " + CsvHistory.size(heap / (1 << 20) * (1 << 20) + (1 << 20))
                    + " of heap (" + bars + " bars, " + inFlight + " replays of " + mostRuns + " runs at once, "
                    + prepared.requests().size() + " combinations), more than ztrade.backtest.max-heap-per-job ("
                    + CsvHistory.size(limits.maxHeapPerJob().toBytes()) + "); fewer combinations or a shorter range");
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

    /** Checks the spec now, replays it on the backtest threads (the command line's and the tests' way). */
    public Job submit(BacktestSpec spec) {
        return submit(spec, null, "local");
    }

    /**
     * Checks the spec now and queues it for {@code owner}; {@link BusyException} if every slot, or every slot of
     * the owner, is taken (checked before the history is loaded).
     */
    public Job submit(BacktestSpec spec, CsvHistory.Source bars, String owner) {
        reserve(owner);
        try {
            return queue(prepare(spec, bars), owner, ReplayEngine.Progress.NONE);
        } catch (RuntimeException e) {
            release(owner);
            throw e;
        }
    }

    /** Starts a prepared backtest; {@code listener} hears the progress of all its replays together. */
    public Job start(Prepared prepared, ReplayEngine.Progress listener) {
        return start(prepared, "local", listener);
    }

    public Job start(Prepared prepared, String owner, ReplayEngine.Progress listener) {
        reserve(owner);
        try {
            return queue(prepared, owner, listener);
        } catch (RuntimeException e) {
            release(owner);
            throw e;
        }
    }

    private Job queue(Prepared prepared, String owner, ReplayEngine.Progress listener) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Job job = new Job(id, prepared, total(prepared), owner);
        jobs.put(id, job);
        job.coordinatorFuture = coordinators.submit(() -> run(job, listener));
        return job;
    }

    private synchronized void reserve(String owner) {
        int mine = activeByOwner.getOrDefault(owner, 0);
        if (mine >= limits.maxPerUser()) {
            throw new BusyException(owner + " has " + mine + " backtests running or queued, ztrade.backtest.max-per-user ("
                    + limits.maxPerUser() + "); wait for one to finish", limits.retryAfter());
        }
        if (active >= limits.maxRunning() + limits.maxQueued()) {
            throw new BusyException("all " + active + " backtest slots are taken (ztrade.backtest.max-running "
                    + limits.maxRunning() + " + max-queued " + limits.maxQueued() + "); retry later", limits.retryAfter());
        }
        active++;
        activeByOwner.merge(owner, 1, Integer::sum);
    }

    private synchronized void release(String owner) {
        active--;
        activeByOwner.computeIfPresent(owner, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Backtests replaying now, waiting, and the slots there are: what health reports. */
    public record Load(int running, int queued, int maxRunning, int maxQueued) {
        public boolean saturated() {
            return running + queued >= maxRunning + maxQueued;
        }
    }

    public Load load() {
        int running = 0;
        int queued = 0;
        for (Job job : jobs.values()) {
            if (job.status == Status.RUNNING) {
                running++;
            } else if (job.status == Status.QUEUED) {
                queued++;
            }
        }
        return new Load(running, queued, limits.maxRunning(), limits.maxQueued());
    }

    /** Fire times to replay, over all combinations. */
    public int total(Prepared prepared) {
        Map<String, Integer> runsByCron = new java.util.HashMap<>();
        long total = 0;
        for (ReplayRequest r : prepared.requests()) {
            total += runs(r, runsByCron);
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** The backtests in memory, newest first (the newest {@code keep-finished} finished ones, and all running). */
    public List<Job> latest(int limit) {
        return jobs.values().stream().sorted(java.util.Comparator.comparingLong((Job j) -> j.submitted).reversed())
                .limit(limit).toList();
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** A backtest in memory or, once evicted, as its {@code report.json} on disk has it. */
    public Optional<View> view(String id) {
        Job job = jobs.get(id);
        if (job != null) {
            return Optional.of(job.view());
        }
        Path dir = dir(id).orElse(null);
        if (dir == null || !Files.isRegularFile(dir.resolve(ReportFiles.REPORT))) {
            return Optional.empty();
        }
        BacktestReport report = ReportFiles.read(dir.resolve(ReportFiles.REPORT));
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : List.of(ReportFiles.REPORT, ReportFiles.EQUITY_CHART, ReportFiles.DRAWDOWN_CHART, ReportFiles.TRADES)) {
            if (Files.exists(dir.resolve(f))) {
                files.put(f, "/api/backtests/" + id + "/files/" + f);
            }
        }
        Progress progress = new Progress(report.runs(), report.runs(), 100, report.runsPerSecond(), 0.0);
        return Optional.of(new View(id, report.agentId(), Status.DONE, progress, report, List.of(), files, null));
    }

    /** The folder of a backtest's files, in memory or not; empty for an id that is not one. */
    public Optional<Path> dir(String id) {
        Job job = jobs.get(id);
        if (job != null) {
            return Optional.of(job.dir());
        }
        return id != null && ID.matcher(id).matches() ? Optional.of(properties.outputDir().resolve(id)) : Optional.empty();
    }

    private void run(Job job, ReplayEngine.Progress listener) {
        job.started = System.nanoTime();
        job.status = Status.RUNNING;
        try {
            ReplayEngine.Progress progress = (d, t) -> listener.advanced(job.done.incrementAndGet(), job.total);
            List<ReplayRequest> requests = job.prepared.requests();
            SweepRow[] rows = new SweepRow[requests.size()];
            Best best = new Best();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                int index = i;
                // each replay is reduced to its report at once: a sweep holds rows, not runs
                futures.add(replays.submit(() -> {
                    ReplayResult result = engine.replay(requests.get(index), progress);
                    BacktestReport r = BacktestReport.of(requests.get(index), job.prepared.source(), result);
                    rows[index] = new SweepRow(r.overrides(), r.totalReturn(), r.sharpe(), r.maxDrawdown(), r.trades(), r.winRate());
                    best.offer(index, r, result.fills());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            ReportFiles.write(job.dir(), best.report, best.fills);
            job.sweep = rows.length < 2 ? List.of() : java.util.Arrays.stream(rows)
                    .sorted(Comparator.comparingDouble((SweepRow r) -> r.sharpe() == null ? Double.NEGATIVE_INFINITY : r.sharpe()).reversed())
                    .toList();
            job.report = best.report;
            job.status = Status.DONE;
            LOG.info("Backtest {} of {} done: {} runs, return {}, files in {}", job.id, job.prepared.spec().agent(),
                    job.done.get(), String.format(Locale.ROOT, "%+.2f%%", 100 * job.report.totalReturn()), job.dir());
        } catch (Exception | OutOfMemoryError e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            job.error = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException ? cause.getMessage()
                    : "the backtest failed (" + cause.getClass().getSimpleName() + "); see the app's log";
            job.status = Status.FAILED;
            LOG.warn("Backtest {} of {} failed", job.id, job.prepared.spec().agent(), cause);
        } finally {
            job.finishedNanos.set(System.nanoTime());
            release(job.owner);
            evict();
        }
    }

    /** Only the newest keep-finished finished jobs stay in memory; their files stay on disk. */
    private synchronized void evict() {
        List<Job> finished = jobs.values().stream().filter(Job::finished)
                .sorted(Comparator.comparingLong((Job j) -> j.finishedNanos.get())).toList();
        for (int i = 0; i < finished.size() - limits.keepFinished(); i++) {
            jobs.remove(finished.get(i).id);
        }
    }

    /** The best combination so far: highest Sharpe, the first one on a tie (as if replayed in order). */
    private static final class Best {
        private int index = -1;
        private BacktestReport report;
        private List<PaperBroker.Fill> fills;

        synchronized void offer(int i, BacktestReport r, List<PaperBroker.Fill> f) {
            if (index < 0 || score(r) > score(report) || (score(r) == score(report) && i < index)) {
                index = i;
                report = r;
                fills = f;
            }
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

    /** Bars a market can have in [from, to): every period for crypto, 6.5-hour sessions on weekdays for stocks. */
    static long mostBars(AgentSettings agent, Instant from, Instant to) {
        long minutes = Math.max(1, PriceHistory.timeframe(agent.barTimeframe()).toMinutes());
        long span = Duration.between(from, to).toMinutes();
        if (agent.assetClass() == io.ztrade.market.AssetClass.CRYPTO) {
            return span / minutes + 1;
        }
        long sessions = span / (24 * 60) * 5 / 7 + 1;
        return sessions * Math.max(1, 390 / minutes);
    }

    /** Enough history before 'from' that the first run has its barCount bars (stock sessions are 6.5 hours). */
    static Duration warmUp(AgentSettings agent) {
        Duration bars = PriceHistory.timeframe(agent.barTimeframe()).multipliedBy(agent.barCount());
        long days = agent.assetClass() == io.ztrade.market.AssetClass.CRYPTO ? bars.toDays() + 1 : bars.toMinutes() / 390 + 1;
        return Duration.ofDays(days * 7 / 5 + 5);
    }

    /** Every combination of the sweep's values over {@code base}; sized (overflow-safe) before one is built. */
    static List<Map<String, String>> combinations(Map<String, String> base, Map<String, List<Object>> sweep, int max) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>(base));
        if (sweep == null) {
            return combos;
        }
        long size = 1;
        StringBuilder axes = new StringBuilder();
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
            if (axis.getValue() == null || axis.getValue().isEmpty()) {
                throw new IllegalArgumentException("sweep '" + CsvHistory.printable(axis.getKey()) + "' has no values");
            }
            // saturates instead of overflowing: any size past the cap is refused alike
            size = Math.min(size * axis.getValue().size(), Long.MAX_VALUE / Integer.MAX_VALUE);
            axes.append(axes.isEmpty() ? "" : " x ").append(CsvHistory.printable(axis.getKey())).append(' ').append(axis.getValue().size());
        }
        if (size > max) {
            throw new IllegalArgumentException("sweep of " + (size >= Long.MAX_VALUE / Integer.MAX_VALUE ? "more than " + size : size)
                    + " combinations (" + (axes.length() > 300 ? axes.substring(0, 300) + "..." : axes)
                    + ") is more than ztrade.backtest.max-combinations (" + max + "); sweep fewer values");
        }
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
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
