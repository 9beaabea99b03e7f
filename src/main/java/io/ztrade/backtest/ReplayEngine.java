package io.ztrade.backtest;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Replays an agent through the same {@code trading-agent} route template the live agent runs: a second route made
 * from it per replay, with the {@code replay:} trigger instead of Quartz and replay-scoped beans (history-backed
 * market data, paper broker, recorded or no sentiment, an in-memory record). Market hours, the analyses, the
 * decision and the risk rules are the live beans' code. The replay's routes are removed when it ends.
 */
@Component
public class ReplayEngine {

    /** Progress callback: {@code done} of {@code total} fire times replayed. */
    public interface Progress {
        void advanced(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    private static final Set<String> NOT_AGENT_PARAMETERS = Set.of("routeId", "prefixId", "templateId", "location");
    /** Parameters the replay sets itself: where the run comes from, goes to, and its beans. */
    private static final Set<String> REPLAY_PARAMETERS = Set.of("agentId", "trigger", "marketDataUri", "orderUri",
            "recordUri", "runLog", "runsBean", "sentimentBean", "riskBean", "errorHandling");
    private static final AtomicLong REPLAYS = new AtomicLong();
    /**
     * Held while a replay adds or removes its routes and beans (Camel's model and its bean registry are not safe for
     * that from two threads).
     */
    private static final Object ROUTES = new Object();

    private final CamelContext camel;
    private final AgentCatalog catalog;
    private final MarketCalendar calendar;
    private final List<RiskRule> riskRules;
    private final ReplayTriggerComponent trigger;
    private final Protections protections;

    public ReplayEngine(CamelContext camel, AgentCatalog catalog, MarketCalendar calendar, List<RiskRule> riskRules,
                        ReplayTriggerComponent trigger, Protections protections) {
        this.camel = camel;
        this.catalog = catalog;
        this.calendar = calendar;
        this.riskRules = List.copyOf(riskRules);
        this.trigger = trigger;
        this.protections = protections;
    }

    /** The agent's template parameters as its live route has them, with the overrides on top (checked). */
    public Map<String, Object> parameters(String agentId, Map<String, String> overrides) {
        AgentSettings live = catalog.get(agentId);
        Map<String, Object> parameters = new LinkedHashMap<>(parametersOf(live));
        RouteDefinition route = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(agentId);
        if (route != null && route.getTemplateParameters() != null) {
            route.getTemplateParameters().forEach((name, value) -> {
                if (!name.contains("-") && !NOT_AGENT_PARAMETERS.contains(name) && value != null) {
                    parameters.put(name, value.toString());
                }
            });
        }
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (REPLAY_PARAMETERS.contains(o.getKey())) {
                throw new IllegalArgumentException("replay of " + agentId + ": parameter '" + o.getKey() + "' cannot be overridden");
            }
            if (!parameters.containsKey(o.getKey())) {
                throw new IllegalArgumentException("replay of " + agentId + ": '" + o.getKey()
                        + "' is not a parameter of the trading-agent template; known: " + parameters.keySet());
            }
            parameters.put(o.getKey(), o.getValue());
        }
        // one weight given: the other is what makes them add up to 1
        if (overrides.containsKey("sentimentWeight") && !overrides.containsKey("technicalWeight")) {
            parameters.put("technicalWeight", String.valueOf(1 - Double.parseDouble(overrides.get("sentimentWeight"))));
        } else if (overrides.containsKey("technicalWeight") && !overrides.containsKey("sentimentWeight")) {
            parameters.put("sentimentWeight", String.valueOf(1 - Double.parseDouble(overrides.get("technicalWeight"))));
        }
        AgentSettings.fromParameters(parameters);
        return parameters;
    }

    /** Every cron time in [from, to) when the agent's market is open (stocks: NYSE session; crypto: always). */
    public List<Instant> fireTimes(AgentSettings agent, Instant from, Instant to) {
        CronExpression cron;
        try {
            cron = new CronExpression(agent.cron());
        } catch (ParseException e) {
            throw new IllegalArgumentException("agent " + agent.agentId() + ": bad cron " + agent.cron(), e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(MarketCalendar.NEW_YORK));
        List<Instant> times = new ArrayList<>();
        Date next = cron.getNextValidTimeAfter(Date.from(from.minusMillis(1)));
        while (next != null && next.toInstant().isBefore(to)) {
            Instant at = next.toInstant();
            if (calendar.statusAt(agent.assetClass(), at).open()) {
                times.add(at);
            }
            next = cron.getNextValidTimeAfter(next);
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
        String routeId = "replay-" + REPLAYS.incrementAndGet() + "-" + agent.agentId();
        String marketData = "direct:" + routeId + "-market-data";
        String submitOrder = "direct:" + routeId + "-submit-order";
        parameters.put("trigger", ReplayTriggerComponent.SCHEME);
        parameters.put("marketDataUri", marketData);
        parameters.put("orderUri", submitOrder);
        // the replay keeps its records itself, in order, on the run's thread; the tap only traces
        parameters.put("recordUri", "log:io.ztrade.backtest.record?level=TRACE");
        parameters.put("runLog", "io.ztrade.backtest.runs");
        parameters.put("errorHandling", ReplayErrorHandling.ID);

        List<Instant> fireTimes = (request.fireTimes() != null ? request.fireTimes() : fireTimes(agent, request.from(), request.to()))
                .stream().filter(t -> !Double.isNaN(history.priceAt(t))).toList();
        long started = System.nanoTime();
        List<String> routes = new ArrayList<>();
        Map<String, Object> beans = new LinkedHashMap<>();
        try {
            HistoricalMarketData marketDataProvider = new HistoricalMarketData(history, clock);
            OrderPlacement placement = new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE);
            // Camel adds a route from a template walking the list of routes unguarded, while another replay's route
            // can be added or removed: concurrent replays (a sweep) failed now and then with a
            // ConcurrentModificationException. Replays add and remove their routes one at a time (ROUTES); the runs
            // themselves go on in parallel
            synchronized (ROUTES) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(marketData).routeId(routeId + "-market-data").errorHandler(noErrorHandler())
                                .bean(marketDataProvider, "snapshot(${body.agent})").id(routeId + "-fetchSnapshot");
                        from(submitOrder).routeId(routeId + "-submit-order").errorHandler(noErrorHandler())
                                .bean(placement, "place").id(routeId + "-placeOrder");
                    }
                });
                routes.add(routeId + "-market-data");
                routes.add(routeId + "-submit-order");
                // the replay's own beans, under names only its route uses
                beans.put(routeId + ".agentRuns", new ReplayAgentRuns(agent));
                beans.put(routeId + ".sentiment", new ReplaySentiment(request.sentiment(), request.sentimentMaxAge(), clock));
                // the live protections over the backtest's own fills; a trip is kept in the backtest's result and
                // holds the backtest's agent, never the live desk (no live hold, no alert)
                beans.put(routeId + ".risk", new RiskStep(new RiskValidator(riskRules, DeskModes.ALWAYS_ACTIVE, broker, records,
                        protections.over(records, new InMemoryProtectionTrips(), records, records))));
                beans.forEach(camel.getRegistry()::bind);
                parameters.put("runsBean", routeId + ".agentRuns");
                parameters.put("sentimentBean", routeId + ".sentiment");
                parameters.put("riskBean", routeId + ".risk");
                TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID)
                        .routeId(routeId)
                        .prefixId(routeId + ".")
                        .parameters(parameters)
                        .add();
                routes.add(routeId);
                for (String id : routes) {
                    if (!camel.getRouteController().getRouteStatus(id).isStarted()) {
                        camel.getRouteController().startRoute(id);
                    }
                }
            }

            List<ReplayResult.EquityPoint> equity = new ArrayList<>(fireTimes.size());
            int done = 0;
            for (Instant at : fireTimes) {
                clock.set(at);
                AgentRun run = trigger.fire(routeId, at);
                records.add(run);
                equity.add(new ReplayResult.EquityPoint(at, broker.equity(), history.priceAt(at), broker.qty()));
                progress.advanced(++done, fireTimes.size());
            }
            return new ReplayResult(agent, request.startingCash(), records.runs(), equity, broker.fills(),
                    System.nanoTime() - started, records.statuses(), records.count(), records.trips());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("replay of " + agent.agentId() + " could not start its route: " + e.getMessage(), e);
        } finally {
            synchronized (ROUTES) {
                for (int i = routes.size() - 1; i >= 0; i--) {
                    remove(routes.get(i));
                }
                // Camel's own bean registry is a plain map that route creation walks (findByType): not unbound
                // while another replay builds its route
                beans.keySet().forEach(camel.getRegistry()::unbind);
            }
        }
    }

    private void remove(String routeId) {
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("could not remove replay route " + routeId + ": " + e.getMessage(), e);
        }
    }

    /** Every template parameter of the agent's settings; the template's defaults are already in them. */
    static Map<String, Object> parametersOf(AgentSettings a) {
        return a.toParameters();
    }
}
