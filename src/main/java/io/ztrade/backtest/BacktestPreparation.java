package io.ztrade.backtest;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.MarketCalendar;
import io.ztrade.sentiment.SentimentReading;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link BacktestSpec} (agent, dates, source, parameters, sweep, sentiment) and loads its history, so that
 * every mistake is an {@link IllegalArgumentException} saying what, before anything runs.
 */
final class BacktestPreparation {

    static final Set<String> SOURCES = Set.of("synthetic", "csv", "alpaca", "recorded");

    /** The days asked for and the instants they span in New York. */
    private record Window(LocalDate fromDay, LocalDate toDay, Instant from, Instant to) {
    }

    /** The bars to replay over; {@code fireTimes} and {@code inputs} only for recorded runs. */
    private record History(MarketHistory bars, List<Instant> fireTimes, RecordedRuns.Inputs inputs) {
        /** Bars held in memory: recorded snapshots each hold their own. */
        int heldBars() {
            return fireTimes != null ? inputs.market().values().stream().mapToInt(m -> m.bars().size() + 1).sum() : bars.size();
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
    private final BacktestSize size;

    BacktestPreparation(ReplayEngine engine, AgentCatalog catalog, MarketCalendar calendar, RecordedRuns recorded,
                        ReplayProperties properties, BacktestProperties limits, AlpacaHistory alpaca, BacktestSize size) {
        this.engine = engine;
        this.catalog = catalog;
        this.calendar = calendar;
        this.recorded = recorded;
        this.properties = properties;
        this.limits = limits;
        this.barsFiles = new BarsFiles(limits.dataDir());
        this.alpaca = alpaca;
        this.size = size;
    }

    /** {@code bars} (an upload, or the command line's own file) is the CSV of source csv, else one comes by name. */
    PreparedBacktest prepare(BacktestSpec spec, CsvHistory.Source bars) {
        if (spec == null || spec.agent() == null || spec.agent().isBlank()) {
            throw new IllegalArgumentException("'agent' is required, e.g. \"agent\": \"agent_tsla\"");
        }
        catalog.get(spec.agent());
        Window window = window(spec);
        String source = source(spec, bars);
        Map<String, String> base = SweepCombinations.strings(spec.parameters());
        List<Map<String, String>> combos = combinations(spec, base);
        AgentSettings agent = AgentSettings.fromParameters(engine.parameters(spec.agent(), base));
        String sentimentMode = sentimentMode(spec, source);
        History history = history(spec, bars, source, sentimentMode, agent, window);
        Map<Instant, SentimentReading> sentiment = "recorded".equals(sentimentMode) ? history.inputs().sentiment() : Map.of();
        FillModel fills = new FillModel(
                or(spec.commissionPerOrder(), properties.commissionPerOrder()),
                or(spec.commissionBps(), properties.commissionBps()),
                or(spec.slippageBps(), properties.slippageBps()));
        double cash = or(spec.startingCash(), properties.startingCash());
        List<ReplayRequest> requests = new ArrayList<>();
        // the fire times once per cron, not once per combination (and again to size the job): a year of a 5-minute
        // cron walks some 21,000 cron times through the market calendar
        Map<String, List<Instant>> fireTimesByCron = new HashMap<>();
        for (Map<String, String> combo : combos) {
            List<Instant> fireTimes = history.fireTimes() != null ? history.fireTimes() : fireTimes(spec, combo, window, fireTimesByCron);
            requests.add(new ReplayRequest(spec.agent(), combo, window.from(), window.to(), history.bars(), sentiment,
                    properties.sentimentMaxAge(), fills, cash, fireTimes, false));
        }
        PreparedBacktest prepared = new PreparedBacktest(spec, source, requests);
        size.check(prepared, history.heldBars());
        return prepared;
    }

    private List<Instant> fireTimes(BacktestSpec spec, Map<String, String> combo, Window window,
                                    Map<String, List<Instant>> byCron) {
        AgentSettings settings = AgentSettings.fromParameters(engine.parameters(spec.agent(), combo));
        return byCron.computeIfAbsent(settings.cron() + " " + settings.assetClass(),
                k -> engine.fireTimes(settings, window.from(), window.to()));
    }

    private Window window(BacktestSpec spec) {
        LocalDate fromDay = day("from", spec.from());
        LocalDate toDay = day("to", spec.to());
        if (toDay.isBefore(fromDay)) {
            throw new IllegalArgumentException("'to' " + toDay + " is before 'from' " + fromDay);
        }
        if (toDay.isAfter(fromDay.plus(limits.maxRange()))) {
            throw new IllegalArgumentException("'from' " + fromDay + " to 'to' " + toDay + " is longer than "
                    + "ztrade.backtest.max-range (" + limits.maxRange() + "); backtest a shorter range");
        }
        return new Window(fromDay, toDay, fromDay.atStartOfDay(MarketCalendar.NEW_YORK).toInstant(),
                toDay.plusDays(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant());
    }

    private static String source(BacktestSpec spec, CsvHistory.Source bars) {
        String source = spec.source() == null ? (bars != null ? "csv" : "synthetic") : spec.source().trim().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + spec.source() + "'; use one of synthetic, csv, alpaca, recorded");
        }
        if (bars != null && !"csv".equals(source)) {
            throw new IllegalArgumentException("an uploaded bars file is for source 'csv', not '" + spec.source() + "'");
        }
        return source;
    }

    /** The sweep's combinations, each checked against the template; history-shaping parameters are not swept. */
    private List<Map<String, String>> combinations(BacktestSpec spec, Map<String, String> base) {
        for (String fixed : List.of("symbol", "assetClass", "barTimeframe")) {
            if (spec.sweep() != null && spec.sweep().containsKey(fixed)) {
                throw new IllegalArgumentException("'" + fixed + "' cannot be swept: all combinations share one history");
            }
        }
        List<Map<String, String>> combos = SweepCombinations.of(base, spec.sweep(), limits.maxCombinations());
        combos.forEach(c -> engine.parameters(spec.agent(), c));
        return combos;
    }

    private static String sentimentMode(BacktestSpec spec, String source) {
        String mode = spec.sentiment() == null ? ("recorded".equals(source) ? "recorded" : "none")
                : spec.sentiment().trim().toLowerCase(Locale.ROOT);
        if (!Set.of("recorded", "none").contains(mode)) {
            throw new IllegalArgumentException("unknown sentiment '" + spec.sentiment() + "'; use recorded or none");
        }
        return mode;
    }

    private History history(BacktestSpec spec, CsvHistory.Source bars, String source, String sentimentMode,
                            AgentSettings agent, Window window) {
        RecordedRuns.Inputs inputs = null;
        if ("recorded".equals(source) || "recorded".equals(sentimentMode)) {
            inputs = recorded.load(agent.agentId(), window.from(), window.to(), limits.maxBarsPerJob());
        }
        Instant warmFrom = window.from().minus(BacktestSize.warmUp(agent));
        if (!"csv".equals(source) && !"recorded".equals(source)) {
            size.checkMostBars(agent, warmFrom, window.to());
        }
        History history = switch (source) {
            case "synthetic" -> new History(new SyntheticHistory(calendar, spec.seed() != null ? spec.seed() : properties.seed(),
                    250, 0.5, 0.1).load(agent, warmFrom, window.to()), null, inputs);
            case "csv" -> new History(csv(spec, bars).load(agent, warmFrom, window.to()), null, inputs);
            case "alpaca" -> new History(alpaca.load(agent, warmFrom, window.to()), null, inputs);
            default -> recordedHistory(agent, window, inputs);
        };
        size.checkBars(history.bars());
        return history;
    }

    private CsvHistory csv(BacktestSpec spec, CsvHistory.Source bars) {
        if (bars == null && (spec.csv() == null || spec.csv().isBlank())) {
            throw new IllegalArgumentException("source 'csv' needs 'csv': the name of a bars file (header t,o,h,l,c,v) "
                    + "under ztrade.backtest.data-dir (" + limits.dataDir() + "), or an upload");
        }
        CsvHistory.Source file = bars != null ? bars : barsFiles.open(spec.csv());
        return new CsvHistory(file, limits.maxCsvSize().toBytes(), limits.maxBarsPerJob());
    }

    private static History recordedHistory(AgentSettings agent, Window window, RecordedRuns.Inputs inputs) {
        if (inputs.fireTimes().isEmpty()) {
            throw new IllegalArgumentException("agent " + agent.agentId() + " has no recorded runs with market data between "
                    + window.fromDay() + " and " + window.toDay());
        }
        return new History(new RecordedSnapshots(inputs.market()), inputs.fireTimes(), inputs);
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
}
