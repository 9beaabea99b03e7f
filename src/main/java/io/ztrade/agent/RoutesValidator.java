package io.ztrade.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Checks the route files offline, without starting Camel (like {@code airflow dags list-import-errors}): YAML
 * syntax, every {@code templatedRoute} of the {@value AgentCatalog#TEMPLATE_ID} template (known template, routeId,
 * prefixId and agentId agreeing, no unknown parameter, no duplicate agent) and each agent's settings with the same
 * checks start-up applies ({@link AgentSettings#fromParameters}). Each problem names the file, the line and what is
 * wrong. Run by {@code bin/ztrade validate}.
 */
public final class RoutesValidator {

    /** One problem: where and what. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private record Template(Map<String, String> defaults) {
    }

    private record Entry(Path file, int line, MappingNode node) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Template> templates = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> agents = new TreeMap<>();

    /** Validates every {@code *.yaml} file in the directory. */
    public static RoutesValidator validate(Path directory) throws IOException {
        RoutesValidator validator = new RoutesValidator();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> yaml = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            yaml.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            validator.read(file);
        }
        validator.checkEntries();
        return validator;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The agents found valid, by id, with their symbol. */
    public Map<String, String> agents() {
        return Map.copyOf(agents);
    }

    private void read(Path file) throws IOException {
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(file, line, "not valid YAML: " + e.getProblem()));
            return;
        }
        if (root == null) {
            return;
        }
        if (!(root instanceof SequenceNode list)) {
            problems.add(new Problem(file, line(root), "a routes file is a YAML list (each item '- route:', '- routeTemplate:', ...)"));
            return;
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                continue;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String kind = scalar(tuple.getKeyNode());
                if ("routeTemplate".equals(kind) && tuple.getValueNode() instanceof MappingNode template) {
                    readTemplate(template);
                } else if ("templatedRoute".equals(kind) && tuple.getValueNode() instanceof MappingNode entry) {
                    entries.add(new Entry(file, line(tuple.getKeyNode()), entry));
                }
            }
        }
    }

    private void readTemplate(MappingNode template) {
        String id = scalar(get(template, "id"));
        Map<String, String> defaults = new LinkedHashMap<>();
        if (get(template, "parameters") instanceof SequenceNode parameters) {
            for (Node parameter : parameters.getValue()) {
                if (parameter instanceof MappingNode p) {
                    defaults.put(scalar(get(p, "name")), scalar(get(p, "defaultValue")));
                }
            }
        }
        templates.put(id, new Template(defaults));
    }

    private void checkEntries() {
        for (Entry entry : entries) {
            check(entry);
        }
    }

    private void check(Entry entry) {
        Path file = entry.file();
        String ref = scalar(get(entry.node(), "routeTemplateRef"));
        String routeId = scalar(get(entry.node(), "routeId"));
        String prefixId = scalar(get(entry.node(), "prefixId"));
        Template template = templates.get(ref);
        if (template == null) {
            problems.add(new Problem(file, entry.line(), "templatedRoute " + routeId + ": routeTemplateRef '" + ref
                    + "' is not a template in these files; templates: " + String.join(", ", templates.keySet())));
            return;
        }
        if (!AgentCatalog.TEMPLATE_ID.equals(ref)) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>(template.defaults());
        values.values().removeIf(v -> v == null);
        String agentId = routeId;
        if (get(entry.node(), "parameters") instanceof SequenceNode parameters) {
            for (Node parameter : parameters.getValue()) {
                if (!(parameter instanceof MappingNode p)) {
                    continue;
                }
                String name = scalar(get(p, "name"));
                if (!template.defaults().containsKey(name)) {
                    problems.add(new Problem(file, line(parameter), "agent " + routeId + ": parameter '" + name
                            + "' is not a parameter of the " + ref + " template; known parameters: "
                            + String.join(", ", template.defaults().keySet())));
                    continue;
                }
                values.put(name, scalar(get(p, "value")));
                if (name.equals("agentId")) {
                    agentId = scalar(get(p, "value"));
                }
            }
        }
        if (routeId == null) {
            problems.add(new Problem(file, entry.line(), "templatedRoute of " + ref + " has no routeId; use the agent id"));
            return;
        }
        if (!routeId.equals(agentId)) {
            problems.add(new Problem(file, entry.line(), "agent " + routeId + ": parameter 'agentId' is '" + agentId
                    + "' but must equal the routeId '" + routeId + "'"));
        }
        if (!(routeId + ".").equals(prefixId)) {
            problems.add(new Problem(file, entry.line(), "agent " + routeId + ": prefixId must be '" + routeId
                    + ".' (with its dot) so node ids read " + routeId + ".decision, got '" + prefixId + "'"));
        }
        if (agents.containsKey(routeId)) {
            problems.add(new Problem(file, entry.line(), "agent " + routeId + " is defined twice"));
            return;
        }
        try {
            AgentSettings settings = AgentSettings.fromParameters(values);
            agents.put(routeId, settings.symbol());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, entry.line(), e.getMessage()));
        }
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

    /** {@code java ... io.ztrade.agent.RoutesValidator [routes-directory]}: exit 0 when valid, 1 with problems. */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "routes");
        if (!Files.isDirectory(directory)) {
            System.err.println(directory + ": no such directory");
            System.exit(2);
        }
        RoutesValidator result = validate(directory);
        if (result.problems().isEmpty()) {
            System.out.println(directory + ": OK, " + result.agents().size() + " agent(s): " + result.agents());
            return;
        }
        result.problems().forEach(System.out::println);
        System.out.println(result.problems().size() + " problem(s) in " + directory);
        System.exit(1);
    }
}
