package io.ztrade.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The one check of the route files, run by start-up ({@link RoutesCheck}, before Camel builds a route), live
 * reload and {@code bin/ztrade validate} alike (like {@code airflow dags list-import-errors}): YAML syntax, each
 * {@code templatedRoute} entry of the {@value AgentCatalog#TEMPLATE_ID} template ({@link AgentEntries}: known
 * template and parameters, no wiring parameter, ids agreeing, no agent twice, settings that parse and are in range),
 * then, when all that passes, the files read by Camel's YAML DSL in a context never started (Camel's own checks).
 * Each problem is one line naming file, line and what is wrong.
 */
public final class RoutesValidator {

    /** One problem: where and what. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** A route file: the name it is reported under and its text. */
    record RouteFile(Path name, String location, String text) {
    }

    /** Camel's YAML errors end with "in file:routes/agents.yaml, line 5, column 7:" and the line quoted. */
    /** Camel's YAML DSL, when a bean of a {@code beans:} list cannot be made. */
    private static final Pattern BEAN_FAILED = Pattern.compile("Error creating bean: (\\S+) of type: (?:#class:)?(\\S+)");

    private static final Pattern CAMEL_MARK = Pattern.compile("(?s)(.*?)\\s*\\n\\s*in \\S+, line (\\d+), column \\d+:.*");

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> agents = new TreeMap<>();

    private RoutesValidator() {
    }

    /** Validates every {@code *.yaml} and {@code *.yml} file in the directory. */
    public static RoutesValidator validate(Path directory) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> yaml = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            yaml.forEach(paths::add);
        }
        paths.sort(null);
        List<RouteFile> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(new RouteFile(path, "file:" + path, Files.readString(path)));
        }
        return validate(files);
    }

    /**
     * Validates the files Camel would load for {@code camel.main.routes-include-pattern}: comma-separated
     * {@code file:} and {@code classpath:} patterns, e.g. {@code file:routes/*.yaml}.
     */
    public static RoutesValidator validateIncluded(String includePattern) {
        List<RouteFile> files = new ArrayList<>();
        DefaultCamelContext camel = unstarted();
        for (String pattern : includePattern.split(",")) {
                String p = pattern.trim();
            try {
                for (Resource resource : PluginHelper.getPackageScanResourceResolver(camel).findResources(p)) {
                    files.add(read(resource));
                }
            } catch (Exception e) {
                RoutesValidator failed = new RoutesValidator();
                failed.problems.add(new Problem(Path.of(p.replaceFirst("^file:", "")), 0,
                        "cannot read the route files: " + e));
                return failed;
            }
        }
        return validate(files);
    }

    static RoutesValidator validate(List<RouteFile> files) {
        RoutesValidator validator = new RoutesValidator();
        AgentEntries entries = new AgentEntries();
        for (RouteFile file : files) {
            entries.read(file).ifPresent(validator.problems::add);
        }
        validator.problems.addAll(entries.check());
        if (validator.problems.isEmpty()) {
            validator.loadIntoCamel(files);
        }
        if (validator.problems.isEmpty()) {
            validator.agents.putAll(entries.agents());
        }
        return validator;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The agents found valid, by id, with their symbol; none while there is a problem. */
    public Map<String, String> agents() {
        return Map.copyOf(agents);
    }

    /**
     * Camel's own checks: each file read by Camel's YAML DSL, as start-up reads it, into a context never started.
     * The routes are built but not added: adding a templated route checks its node ids against every route's, which
     * start-up does once already (O(agents²), 14 s of CPU for 2,000 agents when done twice).
     */
    private void loadIntoCamel(List<RouteFile> files) {
        DefaultCamelContext camel = unstarted();
        for (RouteFile file : files) {
            try {
                for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel)
                        .findRoutesBuilders(ResourceHelper.fromString(file.location(), file.text()))) {
                    if (builder instanceof RouteBuilder routes) {
                        routes.setCamelContext(camel);
                        routes.configure();
                    }
                }
            } catch (Exception e) {
                problems.add(camelProblem(file, e));
                return;
            }
        }
    }

    /**
     * A context only to read files with: never started, so not stopped either (stopping it logged three lines
     * before the problems at start-up); nothing runs in it.
     */
    private static DefaultCamelContext unstarted() {
        return new DefaultCamelContext();
    }

    private static Problem camelProblem(RouteFile file, Exception e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher bean = c.getMessage() == null ? null : BEAN_FAILED.matcher(c.getMessage());
            if (bean != null && bean.find()) {
                return beanProblem(file, bean.group(1), bean.group(2), c);
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() != null && !cause.getMessage().contains(" line ")) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        Matcher mark = CAMEL_MARK.matcher(message);
        if (mark.matches()) {
            return new Problem(file.name(), Integer.parseInt(mark.group(2)), mark.group(1).strip());
        }
        return new Problem(file.name(), 0, message.lines().findFirst().orElse(message));
    }

    /**
     * A bean Camel could not make (a script that does not compile or throws, a class not found): at the bean's entry,
     * named, with the first line of the deepest reason (a Groovy compiler's "startup failed:" skipped).
     */
    private static Problem beanProblem(RouteFile file, String name, String type, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = String.valueOf(root.getMessage()).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.equals("startup failed:")).findFirst().orElse(root.toString());
        Matcher entry = Pattern.compile("(?m)^[\\s-]*name:\\s*[\"']?" + Pattern.quote(name) + "[\"']?\\s*$")
                .matcher(file.text());
        int line = entry.find() ? 1 + (int) file.text().substring(0, entry.start()).chars().filter(c -> c == '\n').count()
                : 0;
        // Camel converts what a script makes to the bean's type, and makes null of what is something else
        String hint = reason.contains("returned null") ? "; its script must make a " + type + " (its last expression)" : "";
        return new Problem(file.name(), line, "beans " + name + ": Camel cannot make a " + type + " of it: " + reason + hint);
    }

    private static RouteFile read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            String location = resource.getLocation();
            String name = location.startsWith("file:") ? location.substring("file:".length()) : location;
            return new RouteFile(Path.of(name), location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The parameters the {@value AgentCatalog#TEMPLATE_ID} template declares in a routes file, in order, with their
     * defaults (null for none): the template's defaults are the only ones.
     */
    public static Map<String, String> templateDefaults(Path file) throws IOException {
        AgentEntries entries = new AgentEntries();
        entries.read(new RouteFile(file, "file:" + file, Files.readString(file))).ifPresent(p -> {
            throw new IllegalArgumentException(p.toString());
        });
        return new LinkedHashMap<>(entries.templateDefaults(AgentCatalog.TEMPLATE_ID));
    }

    /** {@code java ... io.ztrade.agent.RoutesValidator [routes-directory]}: exit 0 when valid, 1 with problems. */
    public static void main(String[] args) throws IOException {
        // no Spring Boot here to set the levels: logback's default would print Camel's DEBUG lines among the problems
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path directory = Path.of(args.length > 0 ? args[0] : "routes");
        if (!Files.isDirectory(directory)) {
            System.err.println(directory + ": no such directory");
            System.exit(2);
        }
        RoutesValidator result = validate(directory);
        if (result.problems().isEmpty()) {
            System.out.println(directory + ": OK, " + result.agents().size() + " agent(s): " + new TreeMap<>(result.agents()));
            return;
        }
        result.problems().forEach(System.out::println);
        System.out.println(result.problems().size() + " problem(s) in " + directory);
        System.exit(1);
    }
}
