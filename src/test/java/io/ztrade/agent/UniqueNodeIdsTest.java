package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.junit.jupiter.api.Test;

/** The one-pass duplicate node-id check finds what Camel's per-route check finds, in the same route. */
class UniqueNodeIdsTest {

    @Test
    void findsWhatCamelsOwnCheckFindsOverRandomRouteSets() {
        Random random = new Random(7);
        int duplicates = 0;
        for (int round = 0; round < 500; round++) {
            List<RouteDefinition> routes = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int r = 0; r < n; r++) {
                // ids from a small alphabet, with or without a node prefix, nested one level sometimes: clashes happen
                RouteDefinition route = new RouteDefinition("direct:in" + r);
                route.routeId("r" + r);
                if (random.nextBoolean()) {
                    route.setNodePrefixId(random.nextBoolean() ? "p." : "r" + r + ".");
                }
                ProcessorDefinition<?> parent = route;
                for (int s = 0; s < 1 + random.nextInt(4); s++) {
                    String id = random.nextInt(5) == 0 ? "{{x}}" : random.nextInt(4) == 0 ? "p.a" : "abc".charAt(random.nextInt(3)) + "";
                    if (random.nextInt(3) == 0) {
                        parent = parent.filter().constant(true).id(id);
                    } else {
                        parent.to("mock:out").id(id);
                    }
                }
                routes.add(route);
            }
            UniqueNodeIds.Duplicate found = UniqueNodeIds.firstDuplicate(routes);
            UniqueNodeIds.Duplicate camel = camelsFirst(routes);
            assertThat(found).as("round %d: %s", round, routes).isEqualTo(camel);
            duplicates += camel == null ? 0 : 1;
        }
        // both outcomes were exercised
        assertThat(duplicates).isBetween(50, 450);
    }

    @Test
    void templatedAgentsWithTheirOwnPrefixesAreUnique() {
        List<RouteDefinition> routes = new ArrayList<>();
        for (String agent : List.of("agent_spy", "agent_tsla")) {
            RouteDefinition route = new RouteDefinition("direct:" + agent);
            route.routeId(agent);
            route.setNodePrefixId(agent + ".");
            route.to("mock:market").id("marketData").to("mock:decision").id("decision");
            routes.add(route);
        }
        assertThat(UniqueNodeIds.firstDuplicate(routes)).isNull();

        // a route whose own id is what agent_spy's decision step is called with its prefix
        RouteDefinition other = new RouteDefinition("direct:other");
        other.routeId("other");
        other.to("mock:x").id("agent_spy.decision");
        routes.add(other);
        assertThat(UniqueNodeIds.firstDuplicate(routes)).isEqualTo(new UniqueNodeIds.Duplicate("agent_spy", "agent_spy.decision"))
                .isEqualTo(camelsFirst(routes));
    }

    /** Camel's own check, as DefaultCamelContext.startRouteDefinitions runs it: route by route, first failure wins. */
    static UniqueNodeIds.Duplicate camelsFirst(List<RouteDefinition> routes) {
        for (RouteDefinition route : routes) {
            String id = RouteDefinitionHelper.validateUniqueIds(route, routes, route.getNodePrefixId());
            if (id != null) {
                return new UniqueNodeIds.Duplicate(route.getId(), id);
            }
        }
        return null;
    }
}
