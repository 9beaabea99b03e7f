package io.ztrade.agent;

import java.util.Collection;
import java.util.LinkedHashSet;
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
import org.springframework.stereotype.Component;

/**
 * Every agent that {@code routes/agents.yaml} defines, read from the routes Camel makes out of the
 * {@value #TEMPLATE_ID} template. Each route is checked the moment Camel adds it, before it starts: an unknown
 * parameter, a missing symbol or a bad cron fails start-up with the agent and the field named. A route reload
 * replaces the agent's settings.
 */
@Component
public class AgentCatalog implements ModelLifecycleStrategy {

    public static final String TEMPLATE_ID = "trading-agent";

    /** The template's {@code trigger} for live agents; any other trigger makes a replay route, not an agent. */
    public static final String LIVE_TRIGGER = "quartz";

    private final Map<String, AgentSettings> agents = new ConcurrentSkipListMap<>();
    private CamelContext camel;
    private final Map<String, Set<String>> templateParameters = new ConcurrentSkipListMap<>();

    @Override
    public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
        templateParameters.put(template.getId(), template.getTemplateParameters() == null ? Set.of()
                : template.getTemplateParameters().stream().map(RouteTemplateParameterDefinition::getName)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {
        if (template != null) {
            templateParameters.remove(template.getId());
        }
    }

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        // not only isCreatedFromTemplate(): a route re-added after advice or reload still carries its parameters
        if (route == null || route.getTemplateParameters() == null || route.getTemplateParameters().isEmpty()) {
            return;
        }
        Map<String, Object> parameters = route.getTemplateParameters();
        Set<String> declared = templateParameters.get(TEMPLATE_ID);
        if (declared == null || !declared.containsAll(required())) {
            return; // a route made from some other template
        }
        String agentId = String.valueOf(parameters.getOrDefault("agentId", route.getRouteId()));
        for (String name : parameters.keySet()) {
            if (name.contains("-") && parameters.containsKey(camelCase(name))) {
                continue; // the dashed twin Camel adds of a camelCase parameter; judge the original
            }
            if (!declared.contains(name) && !declared.contains(camelCase(name)) && !CAMEL_PARAMETERS.contains(name)) {
                throw new InvalidAgentException(agentId, name, "is not a parameter of the " + TEMPLATE_ID
                        + " template; known parameters: " + String.join(", ", declared));
            }
        }
        AgentSettings settings = AgentSettings.fromParameters(parameters);
        if (!LIVE_TRIGGER.equals(String.valueOf(parameters.getOrDefault("trigger", LIVE_TRIGGER)))) {
            return; // a replay of an agent (io.ztrade.backtest): checked like any agent, but not a live agent itself
        }
        if (route.getRouteId() != null && !route.getRouteId().equals(settings.agentId())) {
            throw new InvalidAgentException(agentId, "agentId", "must equal the routeId '" + route.getRouteId()
                    + "' so runs, ids and the console agree");
        }
        agents.put(settings.agentId(), settings);
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

    private boolean hasRoute(AgentSettings agent) {
        return camel == null || !camel.isStarted() || camel.getRoute(agent.agentId()) != null;
    }

    public AgentSettings get(String agentId) {
        return find(agentId).orElseThrow(() -> new UnknownAgentException(agentId, all().stream().map(AgentSettings::agentId).toList()));
    }

    public Collection<AgentSettings> all() {
        return agents.values().stream().filter(this::hasRoute).toList();
    }

    /** Camel also lists each parameter in its dashed form (technical-weight for technicalWeight). */
    private static String camelCase(String dashed) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Set<String> required() {
        return Set.of("agentId", "symbol", "cron");
    }

    /** Keys Camel itself may add to a templated route's parameters. */
    private static final Set<String> CAMEL_PARAMETERS = Set.of("routeId", "prefixId", "templateId", "location");
}
