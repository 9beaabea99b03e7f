package io.ztrade.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;

/**
 * Camel's duplicate node-id check ({@code RouteDefinitionHelper.validateUniqueIds}) over a whole set of routes at
 * once, with the same rule, in one pass. Camel runs its check once per route, and each run gathers the custom ids of
 * every other route into a list and searches it: n x n routes, which at 5,000 agents was 45% of the start-up.
 */
final class UniqueNodeIds {

    private UniqueNodeIds() {
    }

    /** A custom node id that is not unique, and the route where Camel's check would first find it. */
    record Duplicate(String routeId, String id) {
    }

    /**
     * The first custom node id that is not unique, in the route Camel's check would report, or null. Camel's rule: within a route no
     * custom id twice; and a route's custom id, with the route's node prefix before it (placeholders {@code {{...}}}
     * excepted), must not be a custom id of any other route.
     */
    static Duplicate firstDuplicate(List<RouteDefinition> routes) {
        List<List<String>> ids = new ArrayList<>(routes.size());
        // how many routes have each id among their own (raw) custom ids
        Map<String, Integer> routesWith = new HashMap<>();
        for (RouteDefinition route : routes) {
            List<String> own = ProcessorDefinitionHelper.gatherAllNodeIds(route, new ArrayList<>(), true, false);
            ids.add(own);
            for (String id : new HashSet<>(own)) {
                routesWith.merge(id, 1, Integer::sum);
            }
        }
        for (int r = 0; r < routes.size(); r++) {
            List<String> own = ids.get(r);
            // the one Camel names first: it groups the ids in a HashMap and takes the first group of two or more
            String twice = own.stream().collect(Collectors.groupingBy(Function.identity())).entrySet().stream()
                    .filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst().orElse(null);
            if (twice != null) {
                return new Duplicate(routes.get(r).getId(), twice);
            }
            Set<String> seen = new HashSet<>(own);
            String prefix = routes.get(r).getNodePrefixId();
            for (String id : own) {
                if (id.startsWith("{{")) {
                    continue;
                }
                String prefixed = prefix == null ? id : prefix + id;
                int others = routesWith.getOrDefault(prefixed, 0) - (seen.contains(prefixed) ? 1 : 0);
                if (others > 0) {
                    return new Duplicate(routes.get(r).getId(), prefixed);
                }
            }
        }
        return null;
    }
}
