package io.ztrade.agent;

import io.ztrade.agent.RoutesValidator.Problem;
import io.ztrade.agent.RoutesValidator.RouteFile;
import java.io.StringReader;
import java.nio.file.Path;
import io.ztrade.plugins.PluginChoice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Ztrade's checks of the {@code templatedRoute} entries in the route files, on the YAML itself so each problem
 * has its line: the template exists, the entry is one agent named once ({@code routeId}; a {@code prefixId} or
 * {@code agentId} given must agree with it), every parameter is a setting of the template (not its wiring) and the
 * settings parse with the template's defaults ({@link AgentSettings#fromParameters}). Used by {@link RoutesValidator}.
 */
final class AgentEntries {

    private record Entry(Path file, int line, MappingNode item, MappingNode node) {
    }

    /** A templatedRoute's fields in Camel's YAML DSL. */
    private static final List<String> FIELDS = List.of("routeTemplateRef", "routeId", "prefixId", "parameters", "beans");

    private final Map<String, Map<String, String>> templates = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> agents = new TreeMap<>();
    private final Map<String, String> definedAt = new HashMap<>();

    /** Reads one file's templates and entries; a YAML syntax error is its problem. */
    Optional<Problem> read(RouteFile file) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(file.text()));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return Optional.of(new Problem(file.name(), line, "not valid YAML: " + e.getProblem()));
        }
        if (root == null) {
            return Optional.empty();
        }
        if (!(root instanceof SequenceNode list)) {
            return Optional.of(new Problem(file.name(), line(root),
                    "a routes file is a YAML list (each item '- route:', '- routeTemplate:', '- templatedRoute:', ...)"));
        }
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
                NodeTuple first = mapping.getValue().get(0);
                String kind = scalar(first.getKeyNode());
                if ("routeTemplate".equals(kind) && first.getValueNode() instanceof MappingNode template) {
                    templates.put(scalar(get(template, "id")), parameters(template));
                } else if ("templatedRoute".equals(kind) && first.getValueNode() instanceof MappingNode entry) {
                    entries.add(new Entry(file.name(), line(first.getKeyNode()), mapping, entry));
                }
            }
        }
        return Optional.empty();
    }

    Map<String, String> templateDefaults(String templateId) {
        return templates.getOrDefault(templateId, Map.of());
    }

    /** The agents whose entries passed, by id, with their symbol. */
    Map<String, String> agents() {
        return agents;
    }

    List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        for (Entry entry : entries) {
            new EntryCheck(entry, problems).run();
        }
        return problems;
    }

    private static Map<String, String> parameters(MappingNode template) {
        Map<String, String> defaults = new LinkedHashMap<>();
        if (get(template, "parameters") instanceof SequenceNode parameters) {
            for (Node parameter : parameters.getValue()) {
                if (parameter instanceof MappingNode p) {
                    defaults.put(scalar(get(p, "name")), scalar(get(p, "defaultValue")));
                }
            }
        }
        return defaults;
    }

    /** The checks of one entry; each problem found is added, the first that makes the rest moot ends it. */
    private final class EntryCheck {
        private final Entry entry;
        private final List<Problem> problems;
        private final String agentId;

        EntryCheck(Entry entry, List<Problem> problems) {
            this.entry = entry;
            this.problems = problems;
            this.agentId = scalar(get(entry.node(), "routeId"));
        }

        void run() {
            for (NodeTuple sibling : entry.item().getValue().subList(1, entry.item().getValue().size())) {
                problem(line(sibling.getKeyNode()), "'" + scalar(sibling.getKeyNode())
                        + "' is outside the templatedRoute: indent it as far as routeId");
                return;
            }
            for (NodeTuple field : entry.node().getValue()) {
                String key = scalar(field.getKeyNode());
                if (!FIELDS.contains(key)) {
                    problem(line(field.getKeyNode()), "'" + key + "' is not a field of a templatedRoute"
                            + DidYouMean.suggestion(key, FIELDS, "; fields: " + String.join(", ", FIELDS)));
                    return;
                }
            }
            String ref = scalar(get(entry.node(), "routeTemplateRef"));
            if (!templates.containsKey(ref)) {
                problem(entry.line(), "routeTemplateRef '" + ref + "' is not a template in these files"
                        + DidYouMean.suggestion(ref, List.copyOf(templates.keySet()), "; templates: " + String.join(", ", templates.keySet())));
                return;
            }
            if (!AgentCatalog.TEMPLATE_ID.equals(ref)) {
                return; // some other template's route: Camel's checks only
            }
            for (NodeTuple field : entry.node().getValue()) {
                if (!"beans".equals(scalar(field.getKeyNode()))) {
                    continue;
                }
                // the template reaches a template-local bean by its name ({{riskValidator:riskValidator}}): a live
                // entry's own riskValidator would run instead of the desk's
                problem(line(field.getKeyNode()), "'beans' would replace the desk's own steps (riskValidator, sentimentAnalyzer,"
                        + " agentRuns) for this agent; an agent entry sets parameters only");
                return;
            }
            if (agentId == null) {
                problem(entry.line(), "routeId is missing: it is the agent's id, e.g. routeId: agent_spy");
                return;
            }
            String first = definedAt.putIfAbsent(agentId, entry.file() + ":" + entry.line());
            if (first != null) {
                problem(line(get(entry.node(), "routeId")), "is defined twice; the first is at " + first);
                return;
            }
            Node prefix = get(entry.node(), "prefixId");
            if (prefix != null && !(agentId + ".").equals(scalar(prefix))) {
                problem(line(prefix), "prefixId '" + scalar(prefix) + "' must be '" + agentId
                        + ".' (the routeId and a dot), or left out");
            }
            settings();
        }

        private void settings() {
            Map<String, String> template = templates.get(AgentCatalog.TEMPLATE_ID);
            Map<String, Object> values = new LinkedHashMap<>();
            template.forEach((name, value) -> {
                if (value != null) {
                    values.put(name, value);
                }
            });
            values.put("agentId", agentId);
            Map<String, Integer> lines = new HashMap<>();
            int before = problems.size();
            Node given = get(entry.node(), "parameters");
            if (given != null && !(given instanceof SequenceNode)) {
                problem(line(given), "parameters must be a list of '- { name: ..., value: ... }'");
                return;
            }
            for (Node parameter : given == null ? List.<Node>of() : ((SequenceNode) given).getValue()) {
                String name = parameter instanceof MappingNode p ? scalar(get(p, "name")) : null;
                String value = parameter instanceof MappingNode p ? scalar(get(p, "value")) : null;
                if (name == null) {
                    problem(line(parameter), "a parameter is '- { name: ..., value: ... }'");
                } else if (lines.putIfAbsent(name, line(parameter)) != null) {
                    problem(line(parameter), "parameter '" + name + "' is given twice");
                } else if (AgentCatalog.WIRING_PARAMETERS.contains(name) && template.containsKey(name)) {
                    problem(line(parameter), "parameter '" + name + "' is the template's wiring, set by Ztrade, not an"
                            + " agent setting; remove it");
                } else if (name.equals("agentId") && !agentId.equals(value)) {
                    problem(line(parameter), "parameter 'agentId' is '" + value + "' but must be the routeId '"
                            + agentId + "', or left out");
                } else if (!template.containsKey(name) && !PluginChoice.isStepParameter(name)) {
                    problem(line(parameter), "parameter '" + name + "' is unknown" + DidYouMean.suggestion(name, settingNames(template),
                            ": not a parameter of the " + AgentCatalog.TEMPLATE_ID + " template"));
                } else {
                    values.put(name, value);
                }
            }
            if (problems.size() > before) {
                return;
            }
            try {
                agents.put(agentId, AgentSettings.fromParameters(values).symbol());
            } catch (InvalidAgentException e) {
                problems.add(new Problem(entry.file(), lines.getOrDefault(e.field(), entry.line()), e.getMessage()));
            }
        }

        private void problem(int line, String message) {
            String who = agentId == null ? "templatedRoute" : "agent " + agentId;
            problems.add(new Problem(entry.file(), line, who + (message.startsWith("is ") ? " " : ": ") + message));
        }
    }

    /** The parameters an entry may set: the template's, less its wiring and the derived agentId. */
    private static List<String> settingNames(Map<String, String> template) {
        return template.keySet().stream()
                .filter(n -> !AgentCatalog.WIRING_PARAMETERS.contains(n) && !n.equals("agentId")).toList();
    }

    private static Node get(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
