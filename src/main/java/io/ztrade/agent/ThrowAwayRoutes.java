package io.ztrade.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.LifecycleStrategySupport;
import org.springframework.stereotype.Component;

/**
 * Throw-away routes made from the {@value AgentCatalog#TEMPLATE_ID} template, for a replay or a test: the template's
 * own steps and gates, fired by the caller ({@link FiredTrigger}) with no redelivery and no dead letter
 * ({@link ThrowAwayErrorHandling}); edges of the caller's own, each a function called in place
 * ({@code edge:<routeId>-<parameter>}, {@link EdgeCalls}); and template-local beans, which win over the live bean of
 * the same name for this route only (the live agents keep the live beans). The route is removed, with its edges and
 * beans, when it is closed. Its steps keep no JMX statistics and have no MBeans of their own (the route lives for one
 * replay or test; the live agents keep theirs).
 */
@Component
public class ThrowAwayRoutes {

    /** Keys Camel itself adds to a templated route's parameters. */
    private static final Set<String> CAMEL_KEYS = Set.of("routeId", "prefixId", "templateId", "location");
    private static final AtomicLong ROUTES = new AtomicLong();
    /**
     * Held while a throw-away route is added or removed: Camel adds a route from a template walking the list of
     * routes unguarded, while another throw-away route can be added or removed (concurrent replays, a sweep, failed
     * now and then with a ConcurrentModificationException). Routes are made one at a time; their runs go on in
     * parallel.
     */
    private static final Object CHANGES = new Object();

    private final CamelContext camel;
    private final FiredTrigger trigger;
    private final EdgeCalls edges;
    /** The throw-away routes being made or running, by id. */
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public ThrowAwayRoutes(CamelContext camel, FiredTrigger trigger, EdgeCalls edges) {
        this.camel = camel;
        this.trigger = trigger;
        this.edges = edges;
        camel.addLifecycleStrategy(new LifecycleStrategySupport() {
            /**
             * Runs after Camel's JMX strategy has set the route's per-step instrumentation and before the steps are
             * made: a throw-away route's steps go without it, so they neither update statistics on every run nor
             * register an MBean each when the route is made; and without stream caching, which checks every step's
             * body for a stream to cache (a run's body is an AgentRun, never a stream).
             */
            @Override
            public void onRouteContextCreate(Route route) {
                if (ids.contains(route.getRouteId())) {
                    route.setManagementInterceptStrategy(null);
                    route.setStreamCaching(false);
                }
            }
        });
    }

    /**
     * A route of this kind ({@code replay}, {@code test}) for that agent, named {@code <kind>-<n>-<agentId>} (its node
     * ids {@code <kind>-<n>-<agentId>.decision}, ...), with the agent's template parameters.
     */
    public Spec route(String kind, String agentId, Map<String, Object> parameters) {
        return new Spec(kind, kind + "-" + ROUTES.incrementAndGet() + "-" + agentId, parameters);
    }

    /**
     * The agent's template parameters as its live route was made with them (its settings where the route has none),
     * without the keys Camel adds.
     */
    public Map<String, Object> liveParameters(AgentSettings agent) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        RouteDefinition live = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition(agent.agentId());
        if (live != null && live.getTemplateParameters() != null) {
            live.getTemplateParameters().forEach((name, value) -> {
                // Camel lists a camelCase parameter twice, the second time dashed (technical-weight)
                // and without the pinned step beans: the route gets its own pins, and its own beans by those names
                if (!name.contains("-") && !CAMEL_KEYS.contains(name) && !AgentCatalog.STEP_BEANS.contains(name)
                        && value != null) {
                    parameters.put(name, value);
                }
            });
        }
        parameters.putIfAbsent("agentId", agent.agentId());
        parameters.putIfAbsent("symbol", agent.symbol());
        parameters.putIfAbsent("assetClass", agent.assetClass().alpacaName());
        parameters.putIfAbsent("cron", agent.cron());
        return parameters;
    }

    /** What a throw-away route is made of, before {@link #start()}. */
    public final class Spec {

        private final String kind;
        private final String routeId;
        private final Map<String, Object> parameters;
        private final Map<String, Object> beans = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();

        private record Edge(String parameter, Function<AgentRun, ?> call) {
        }

        private Spec(String kind, String routeId, Map<String, Object> parameters) {
            this.kind = kind;
            this.routeId = routeId;
            this.parameters = new LinkedHashMap<>(parameters);
            this.parameters.put("trigger", FiredTrigger.SCHEME);
            this.parameters.put("errorHandling", ThrowAwayErrorHandling.ID);
        }

        /**
         * The template parameter (an endpoint: marketDataUri, orderUri) names this route's call of that function: it
         * gets the run and returns the reply (the market snapshot, the run with its order).
         */
        public Spec edge(String parameter, Function<AgentRun, ?> call) {
            edges.add(new Edge(parameter, call));
            parameters.put(parameter, EdgeCalls.SCHEME + ":" + edgeName(parameter));
            return this;
        }

        /** A template parameter of this route only (recordUri, runLog). */
        public Spec parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /**
         * The analyses and the record run on the caller's thread (a replay's: thousands of runs a second, one after
         * the other, where a hand-off to the agents' pools and back would cost more than the run's own work).
         */
        public Spec onCallerThread() {
            parameters.put("analysesExecutor", AgentThreadPools.CALLER_RUNS);
            parameters.put("recordsExecutor", AgentThreadPools.CALLER_RUNS);
            return this;
        }

        /** A template-local bean: the template's {@code {{name:name}}} reference is this bean on this route. */
        public Spec bean(String name, Object bean) {
            beans.put(name, bean);
            return this;
        }

        /** Adds and starts the route and its edges. */
        public ThrowAwayRoute start() {
            ThrowAwayRoute route = new ThrowAwayRoute(kind, routeId);
            synchronized (CHANGES) {
                try {
                    for (Edge edge : edges) {
                        ThrowAwayRoutes.this.edges.add(edgeName(edge.parameter()), edge.call());
                        route.edges.add(edgeName(edge.parameter()));
                    }
                    ids.add(routeId);
                    TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID)
                            .routeId(routeId).prefixId(routeId + ".").parameters(parameters);
                    beans.forEach(builder::bean);
                    builder.add();
                    route.routes.add(routeId);
                    for (String id : route.routes) {
                        if (!camel.getRouteController().getRouteStatus(id).isStarted()) {
                            camel.getRouteController().startRoute(id);
                        }
                    }
                } catch (Exception e) {
                    route.remove();
                    throw new IllegalStateException(kind + " of " + parameters.get("agentId")
                            + " could not start its route: " + e.getMessage(), e);
                }
            }
            return route;
        }

        private String edgeName(String parameter) {
            return routeId + "-" + parameter;
        }
    }

    /** A started throw-away route; {@link #close()} removes it, its edges and its beans. */
    public final class ThrowAwayRoute implements AutoCloseable {

        private final String kind;
        private final String id;
        private final List<String> routes = new ArrayList<>();
        private final List<String> edges = new ArrayList<>();

        private ThrowAwayRoute(String kind, String id) {
            this.kind = kind;
            this.id = id;
        }

        public String id() {
            return id;
        }

        /**
         * Runs the route once at that fire time (see {@link FiredTrigger#fire(String, Instant, Map, Map)}).
         *
         * @throws IllegalStateException naming the kind and the fire time, when the run threw
         */
        public AgentRun fire(Instant fireTime, Map<String, String> jobData, Map<String, Object> properties) {
            try {
                return trigger.fire(id, fireTime, jobData, properties);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(kind + " " + e.getMessage(), e.getCause() == null ? e : e.getCause());
            }
        }

        @Override
        public void close() {
            synchronized (CHANGES) {
                remove();
            }
        }

        private void remove() {
            try {
                for (int i = routes.size() - 1; i >= 0; i--) {
                    try {
                        camel.getRouteController().stopRoute(routes.get(i));
                        camel.removeRoute(routes.get(i));
                    } catch (Exception e) {
                        throw new IllegalStateException("could not remove " + kind + " route " + routes.get(i) + ": "
                                + e.getMessage(), e);
                    }
                }
                routes.clear();
            } finally {
                for (String edge : edges) {
                    ThrowAwayRoutes.this.edges.remove(edge);
                    try {
                        camel.removeEndpoints(EdgeCalls.SCHEME + ":" + edge);
                    } catch (Exception e) {
                        throw new IllegalStateException("could not remove " + kind + " edge " + edge + ": " + e.getMessage(), e);
                    }
                }
                edges.clear();
                ids.remove(id);
            }
        }
    }
}
