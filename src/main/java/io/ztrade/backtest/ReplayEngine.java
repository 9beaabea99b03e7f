package io.ztrade.backtest;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.ThrowAwayRoutes;
import io.ztrade.agent.ThrowAwayRoutes.ThrowAwayRoute;
import io.ztrade.agent.steps.PluginChoices;
import io.ztrade.agent.steps.SentimentStep;
import io.ztrade.plugins.PluginChoice;
import io.ztrade.agent.steps.OrderPlacement;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.market.MarketCalendar;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.RiskRule;
import io.ztrade.risk.RiskValidator;
import io.ztrade.risk.protection.InMemoryProtectionTrips;
import io.ztrade.risk.protection.Protections;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Replays an agent through the same {@code trading-agent} route template the live agent runs: a throw-away route made
 * from it per replay ({@link ThrowAwayRoutes}), fired once per simulated fire time instead of by Quartz, with
 * replay-scoped edges and template-local beans (history-backed market data, paper broker, recorded or no sentiment,
 * an in-memory record). Market hours, the analyses, the decision and the risk rules are the live beans' code. The
 * replay's routes are removed when it ends.
 */
@Component
public class ReplayEngine {

    /** Progress callback: {@code done} of {@code total} fire times replayed. */
    public interface Progress {
        void advanced(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** Parameters the replay sets itself: where the run comes from, goes to, and its beans. */
    /** What a backtest may not override: the agent's id and the template's wiring (the replay sets its own). */
    private static final Set<String> REPLAY_PARAMETERS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("agentId"), AgentCatalog.WIRING_PARAMETERS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Map<String, String> REPLAY_RUN = Map.of(AgentRuns.TRIGGER_KEY, RunTrigger.REPLAY.name());

    private final AgentCatalog catalog;
    private final MarketCalendar calendar;
    private final List<RiskRule> riskRules;
    private final ThrowAwayRoutes routes;
    private final Protections protections;
    private final PluginChoices pluginChoices;

    public ReplayEngine(AgentCatalog catalog, MarketCalendar calendar, List<RiskRule> riskRules,
                        ThrowAwayRoutes routes, Protections protections, PluginChoices pluginChoices) {
        this.pluginChoices = pluginChoices;
        this.catalog = catalog;
        this.calendar = calendar;
        this.riskRules = List.copyOf(riskRules);
        this.routes = routes;
        this.protections = protections;
    }

    /** The agent's template parameters as its live route has them, with the overrides on top (checked). */
    public Map<String, Object> parameters(String agentId, Map<String, String> overrides) {
        AgentSettings live = catalog.get(agentId);
        Map<String, Object> parameters = new LinkedHashMap<>(parametersOf(live));
        // the live route's own values on top (ThrowAwayRoutes leaves out Camel's keys and the step-bean pins)
        routes.liveParameters(live).forEach((name, value) -> parameters.put(name, value.toString()));
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (REPLAY_PARAMETERS.contains(o.getKey())) {
                throw new IllegalArgumentException("replay of " + agentId + ": parameter '" + o.getKey() + "' cannot be overridden");
            }
            if (!parameters.containsKey(o.getKey()) && !PluginChoice.isStepParameter(o.getKey())) {
                throw new IllegalArgumentException("replay of " + agentId + ": '" + o.getKey()
                        + "' is not a parameter of the trading-agent template; known: " + parameters.keySet());
            }
            parameters.put(o.getKey(), o.getValue());
        }
        // one weight given: the other is what makes them add up to 1
        if (overrides.containsKey("sentimentWeight") && !overrides.containsKey("technicalWeight")) {
            parameters.put("technicalWeight", String.valueOf(1 - weight(agentId, "sentimentWeight", overrides)));
        } else if (overrides.containsKey("technicalWeight") && !overrides.containsKey("sentimentWeight")) {
            parameters.put("sentimentWeight", String.valueOf(1 - weight(agentId, "technicalWeight", overrides)));
        }
        // the chosen steps and their parameters too: a bad override is named here, before any route is made; the
        // steps' parameters the agent left at their defaults are listed with them (so a sweep or the optimiser knows
        // them and their current values)
        catalog.checkSteps(AgentSettings.fromParameters(parameters)).forEach(parameters::putIfAbsent);
        return parameters;
    }

    private static double weight(String agentId, String name, Map<String, String> overrides) {
        try {
            return Double.parseDouble(overrides.get(name).trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("replay of " + agentId + ": parameter '" + name + "' must be a number, got '"
                    + overrides.get(name) + "'");
        }
    }

    /** Every cron time in [from, to) when the agent's market is open (stocks: NYSE session; crypto: always). */
    public List<Instant> fireTimes(AgentSettings agent, Instant from, Instant to) {
        List<Instant> cronTimes;
        try {
            cronTimes = new CronFireTimes(agent.cron(), MarketCalendar.NEW_YORK).between(from, to);
        } catch (ParseException e) {
            throw new IllegalArgumentException("agent " + agent.agentId() + ": bad cron " + agent.cron(), e);
        }
        List<Instant> times = new ArrayList<>(cronTimes.size());
        for (Instant at : cronTimes) {
            if (calendar.statusAt(agent.assetClass(), at).open()) {
                times.add(at);
            }
        }
        return times;
    }

    public ReplayResult replay(ReplayRequest request, Progress progress) {
        Map<String, Object> parameters = parameters(request.agentId(), request.overrides());
        AgentSettings agent = AgentSettings.fromParameters(parameters);
        ReplayClock clock = new ReplayClock();
        MarketHistory history = request.history();
        PaperBroker broker = new PaperBroker(agent.symbol(), request.startingCash(), history, clock, request.fills());
        ReplayRecords records = new ReplayRecords(request.keepRuns());
        List<Instant> fireTimes = (request.fireTimes() != null ? request.fireTimes() : fireTimes(agent, request.from(), request.to()))
                .stream().filter(t -> !Double.isNaN(history.priceAt(t))).toList();
        long started = System.nanoTime();
        try (ThrowAwayRoute route = route(request, parameters, agent, clock, broker, records)) {
            List<ReplayResult.EquityPoint> equity = new ArrayList<>(fireTimes.size());
            int done = 0;
            for (Instant at : fireTimes) {
                clock.set(at);
                records.add(route.fire(at, REPLAY_RUN, Map.of()));
                equity.add(new ReplayResult.EquityPoint(at, broker.equity(), history.priceAt(at), broker.qty()));
                progress.advanced(++done, fireTimes.size());
            }
            return new ReplayResult(agent, request.startingCash(), records.runs(), equity, broker.fills(),
                    System.nanoTime() - started, records.statuses(), records.count(), records.trips());
        }
    }

    /**
     * The replay's route from the template: history-backed market data, the live {@code OrderPlacement} over the paper
     * broker, and its own beans for this route only (template-local): its settings, recorded or no sentiment, and the
     * live risk rules and protections over the paper broker and the backtest's own records.
     */
    private ThrowAwayRoute route(ReplayRequest request, Map<String, Object> parameters, AgentSettings agent,
                                 ReplayClock clock, PaperBroker broker, ReplayRecords records) {
        return routes.route("replay", agent.agentId(), parameters)
                .onCallerThread()
                // off the live trading API's breaker: neither counted towards it nor stopped by it
                .parameter("tradingBreaker", ReplayCircuitBreakers.TRADING)
                .edge("marketDataUri", new HistoricalMarketData(request.history(), clock)::snapshotOf)
                .edge("orderUri", new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE)::place)
                // the replay keeps its records itself, in order, on the run's thread; the tap only traces
                .parameter("recordUri", "log:io.ztrade.backtest.record?level=TRACE")
                .parameter("runLog", "io.ztrade.backtest.runs")
                .bean(AgentRuns.BEAN, AgentRuns.of(agent))
                // the recorded readings for Ztrade's own feed; a plugin's feed is called at the replayed time
                .bean("sentimentAnalyzer", new SentimentStep(new ReplaySentiment(request.sentiment(),
                        request.sentimentMaxAge(), clock), pluginChoices))
                // a trip is kept in the backtest's result and holds the backtest's agent, never the live desk (no live
                // hold, no alert)
                .bean("riskValidator", new RiskStep(new RiskValidator(riskRules, DeskModes.ALWAYS_ACTIVE, broker, records,
                        protections.over(records, new InMemoryProtectionTrips(), records, records)), pluginChoices))
                .start();
    }

    /** Every template parameter of the agent's settings; the template's defaults are already in them. */
    static Map<String, Object> parametersOf(AgentSettings a) {
        return a.toParameters();
    }
}
