package io.ztrade.agent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import io.ztrade.plugins.PluginChoice;
import io.ztrade.plugins.PluginChoiceException;
import io.ztrade.plugins.Plugins;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every agent that {@code routes/agents.yaml} defines, read from the routes Camel makes out of the
 * {@value #TEMPLATE_ID} template. An agent is named once, by its {@code routeId}: as Camel adds the route (before
 * it is built) its {@code agentId} parameter and node-id prefix ({@code agent_spy.}) are set from it. The entries
 * were checked before Camel loaded them ({@link RoutesValidator}); the settings are parsed here once more, strictly,
 * for the routes made in Java (replays, tests). A route reload replaces the agent's settings.
 */
@Component
public class AgentCatalog implements ModelLifecycleStrategy {

    public static final String TEMPLATE_ID = "trading-agent";

    /** The template's {@code trigger} for live agents; any other trigger makes a replay route, not an agent. */
    public static final String LIVE_TRIGGER = "quartz";

    /**
     * The template's wiring: where a run comes from and goes to, and the edges it sends to. Ztrade sets them (a replay
     * its own); an entry in {@code routes/} may not, or it could send orders past {@code direct:submitOrder}'s guard
     * or drop out of the agents. A name the template no longer declares is simply unknown there.
     */
    public static final Set<String> WIRING_PARAMETERS = Set.of("trigger", "marketDataUri", "orderUri", "recordUri",
            "runLog", "errorHandling", "analysesExecutor", "recordsExecutor", "tradingBreaker");

    /**
     * The step beans the template names {@code "{{name:name}}"} (routes/agent-template.yaml points here): the live
     * bean of that name, or a replay's or a test's template-local bean of that name. Each live agent's route gets
     * {@code name=name} among its parameters, which Camel resolves before any property: a property or environment
     * variable of that name ({@code --riskValidator=otherBean}) cannot swap a live agent's risk step.
     */
    public static final List<String> STEP_BEANS = List.of("agentRuns", "sentimentAnalyzer", "technicalAnalyzer",
            "riskValidator");

    private final Map<String, AgentSettings> agents = new ConcurrentSkipListMap<>();
    /** The steps agents may choose (read when the first route is added, after the beans are made); none: no check. */
    private final ObjectProvider<Plugins> plugins;
    private CamelContext camel;
    /** The template's parameters, and those of them with a default (Camel puts these in each route it makes). */
    private volatile Set<String> declared;
    private volatile Set<String> defaulted;

    public AgentCatalog() {
        this(null);
    }

    @Autowired
    public AgentCatalog(ObjectProvider<Plugins> plugins) {
        this.plugins = plugins;
    }

    @Override
    public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
        if (TEMPLATE_ID.equals(template.getId()) && template.getTemplateParameters() != null) {
            List<RouteTemplateParameterDefinition> parameters = template.getTemplateParameters();
            declared = parameters.stream().map(RouteTemplateParameterDefinition::getName).collect(Collectors.toSet());
            defaulted = parameters.stream().filter(p -> p.getDefaultValue() != null)
                    .map(RouteTemplateParameterDefinition::getName).collect(Collectors.toSet());
        }
    }

    @Override
    public void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {
    }

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        // not only isCreatedFromTemplate(): a route re-added after advice or reload still carries its parameters
        Map<String, Object> parameters = route == null ? null : route.getTemplateParameters();
        if (parameters == null || route.getRouteId() == null || defaulted == null
                || !parameters.keySet().containsAll(defaulted)) {
            return; // not a route of this template
        }
        // named once: the agent id and the node-id prefix are the route id's
        parameters.putIfAbsent("agentId", route.getRouteId());
        route.setNodePrefixId(route.getRouteId() + ".");
        parameters.forEach((name, value) -> {
            if (!name.contains("-") && !declared.contains(name) && !CAMEL_PARAMETERS.contains(name)
                    && !PluginChoice.isStepParameter(name)
                    && !(STEP_BEANS.contains(name) && name.equals(value))) {
                throw new InvalidAgentException(route.getRouteId(), name, "is unknown");
            }
        });
        AgentSettings settings = AgentSettings.fromParameters(parameters);
        checkSteps(settings);
        if (!LIVE_TRIGGER.equals(String.valueOf(parameters.get("trigger")))) {
            return; // a replay of an agent (io.ztrade.backtest): checked like any agent, but not a live agent itself
        }
        // live: the live beans, whatever the properties say (a throw-away route's own beans reach it by these names)
        STEP_BEANS.forEach(name -> parameters.put(name, name));
        if (!route.getRouteId().equals(settings.agentId())) {
            throw new InvalidAgentException(settings.agentId(), "agentId", "must equal the routeId '"
                    + route.getRouteId() + "' so runs, ids and the console agree");
        }
        agents.put(settings.agentId(), settings);
    }

    /**
     * The agent's chosen steps exist and their parameters are valid, else it fails like any bad parameter: named by
     * agent and parameter, with the names there are.
     *
     * @return the chosen steps' parameters ({@code <step>.<parameter>}) with their values, defaults included
     */
    public Map<String, String> checkSteps(AgentSettings settings) {
        Plugins known = plugins == null ? null : plugins.getIfAvailable();
        if (known == null) {
            return Map.of();
        }
        try {
            return known.choose(settings.agentId(), settings.plugins(), Map.of()).parameterValues();
        } catch (PluginChoiceException e) {
            throw new InvalidAgentException(settings.agentId(), e.field(), e.getMessage());
        }
    }

    /**
     * Settings stay: advice and reload remove a route and add it back without its template parameters. Whether
     * an agent still exists is read from the running routes instead.
     */
    @Override
    public void onRemoveRouteDefinition(RouteDefinition route) {
    }

    /** The context whose routes tell which agents exist; see {@link AgentCatalogRegistration}. */
    void attach(CamelContext camelContext) {
        this.camel = camelContext;
    }

    public Optional<AgentSettings> find(String agentId) {
        return Optional.ofNullable(agents.get(agentId)).filter(this::hasRoute);
    }

    /**
     * By route status, a map look-up: every run asks (its settings), and {@code camel.getRoute(id)} walks every route,
     * which at 5,000 agents made a fire cost 5,000 x 5,000 steps (docs/benchmarks.md).
     */
    private boolean hasRoute(AgentSettings agent) {
        return camel == null || !camel.isStarted() || camel.getRouteController().getRouteStatus(agent.agentId()) != null;
    }

    public AgentSettings get(String agentId) {
        return find(agentId).orElseThrow(() -> new UnknownAgentException(agentId, all().stream().map(AgentSettings::agentId).toList()));
    }

    public Collection<AgentSettings> all() {
        return agents.values().stream().filter(this::hasRoute).toList();
    }

    /** Keys Camel itself may add to a templated route's parameters. */
    private static final Set<String> CAMEL_PARAMETERS = Set.of("routeId", "prefixId", "templateId", "location");
}
