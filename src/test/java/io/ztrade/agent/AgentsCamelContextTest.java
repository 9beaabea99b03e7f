package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ModelLifecycleStrategy;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spring.boot.CamelSpringBootApplicationController;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Routes made from a template at start-up ({@code routes/}) skip Camel's comparison with every route already loaded
 * ({@link AgentsCamelContext}): the context must end up with the same routes, in the same order, as Camel's own, and
 * fail on the same duplicate ids.
 */
class AgentsCamelContextTest {

    private static final String TEMPLATE = """
            - routeTemplate:
                id: t
                parameters:
                  - name: n
                route:
                  from:
                    uri: "direct:{{n}}"
                    steps:
                      - setBody:
                          id: first
                          constant: "{{n}}"
                      - filter:
                          id: gate
                          simple: "${body} != null"
                          steps:
                            - to:
                                id: out
                                uri: mock:out
            """;

    private final List<CamelContext> contexts = new ArrayList<>();
    private GenericApplicationContext spring;

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        if (spring != null) {
            spring.close();
        }
    }

    @Test
    void templatedRoutesLoadedBeforeTheStartAreCamelsOwnInTheSameOrder() throws Exception {
        String yaml = TEMPLATE + plain("p1", "solo") + agents("a", "b", "c") + plain("p2", "other") + agents("d", "e");
        CamelContext ours = loaded(agentsContext(), yaml);
        CamelContext camels = loaded(camelsContext(), yaml);
        assertThat(ours).isInstanceOf(AgentsCamelContext.class);
        assertThat(shape(ours)).hasSize(7).isEqualTo(shape(camels));
        ours.start();
        camels.start();
        assertThat(shape(ours)).isEqualTo(shape(camels));
        assertThat(ours.getRoutes().stream().map(Route::getRouteId).toList()).containsExactly("p1", "p2", "a", "b", "c", "d", "e")
                .isEqualTo(camels.getRoutes().stream().map(Route::getRouteId).toList());
        // and each agent route runs its own parameters
        assertThat(ours.createProducerTemplate().requestBody("direct:e", "x", String.class)).isEqualTo("e");
    }

    @Test
    void aNodeIdOfAnotherRouteThatClashesWithAnAgentsPrefixedIdStillFailsTheStart() throws Exception {
        // agent b's node "gate" is b.gate once its prefix is set; p1 already calls a node that
        String yaml = TEMPLATE + plain("p1", "b.gate") + agents("a", "b");
        for (CamelContext camel : List.of(loaded(agentsContext(), yaml), loaded(camelsContext(), yaml))) {
            assertThatThrownBy(camel::start).as(camel.getClass().getSimpleName()).hasStackTraceContaining("b.gate")
                    .hasStackTraceContaining("uplicate id detected");
        }
    }

    @Test
    void aDuplicateIdWithinTheTemplateFailsAsTheRouteIsMade() {
        String yaml = TEMPLATE.replace("id: out", "id: first") + agents("a", "b");
        for (CamelContext camel : List.of(agentsContext(), camelsContext())) {
            assertThatThrownBy(() -> loaded(camel, yaml)).as(camel.getClass().getSimpleName())
                    .hasStackTraceContaining("Duplicate id detected: first");
        }
    }

    @Test
    void aSecondRouteOfTheSameIdReplacesTheFirstAsInCamel() throws Exception {
        String yaml = TEMPLATE + agents("a", "b") + agents("a");
        CamelContext ours = loaded(agentsContext(), yaml);
        CamelContext camels = loaded(camelsContext(), yaml);
        assertThat(shape(ours)).hasSize(2).isEqualTo(shape(camels));
    }

    /** Each route definition: id, node prefix and every node id, in the model's order. */
    private static List<String> shape(CamelContext camel) {
        return ((ModelCamelContext) camel).getRouteDefinitions().stream()
                .map(r -> r.getRouteId() + " " + r.getNodePrefixId() + " " + r.getInput().getEndpointUri() + " "
                        + ProcessorDefinitionHelper.gatherAllNodeIds(r, new ArrayList<>(), false, false))
                .toList();
    }

    private static String plain(String routeId, String nodeId) {
        return """
                - route:
                    id: %s
                    from:
                      uri: direct:%s
                      steps:
                        - to:
                            id: %s
                            uri: mock:plain
                """.formatted(routeId, routeId, nodeId);
    }

    private static String agents(String... ids) {
        StringBuilder yaml = new StringBuilder();
        for (String id : ids) {
            yaml.append("""
                    - templatedRoute:
                        routeTemplateRef: t
                        routeId: %s
                        parameters:
                          - name: n
                            value: %s
                    """.formatted(id, id));
        }
        return yaml.toString();
    }

    private CamelContext loaded(CamelContext camel, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("agents.yaml", yaml));
        return camel;
    }

    private CamelContext agentsContext() {
        spring = new GenericApplicationContext();
        spring.refresh();
        return prepared(new AgentsCamelContext(spring, false, new CamelSpringBootApplicationController(spring)));
    }

    private CamelContext camelsContext() {
        return prepared(new DefaultCamelContext());
    }

    /** As AgentCatalog does: a templated route's node ids get its route id as their prefix when it is added. */
    private CamelContext prepared(CamelContext camel) {
        camel.disableJMX();
        ((ModelCamelContext) camel).addModelLifecycleStrategy(new ModelLifecycleStrategy() {
            @Override
            public void onAddRouteDefinition(RouteDefinition route) {
                if (route.isCreatedFromTemplate()) {
                    route.setNodePrefixId(route.getRouteId() + ".");
                }
            }

            @Override
            public void onRemoveRouteDefinition(RouteDefinition route) {
            }

            @Override
            public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
            }

            @Override
            public void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {
            }
        });
        contexts.add(camel);
        return camel;
    }
}
