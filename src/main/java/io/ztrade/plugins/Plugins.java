package io.ztrade.plugins;

import io.ztrade.plugin.api.Parameter;
import io.ztrade.plugin.api.PluginApi;
import io.ztrade.plugin.api.Step;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every step an agent can choose by name: Ztrade's own (Spring beans implementing the plugin API) and those of the
 * plugin jars in {@code ztrade.plugins.dir}, loaded once at start-up, each jar in a class loader of its own that sees
 * only the JDK and the API ({@link ApiOnlyClassLoader}), its steps found by {@link ServiceLoader}. A jar that does not
 * load, a step without a valid name, of another API major version, with a bad parameter or a name already taken fails
 * start-up with the jar and the reason.
 */
@Component
public class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);
    private static final String SCRIPTED = "routes/"; // PluginStep.scripted()

    private final Map<StepKind, Map<String, PluginStep>> steps = new EnumMap<>(StepKind.class);
    private final PluginCalls calls;
    /** The scripted steps of routes/, read when a name is not one of the above. */
    private final StepSource scripted;

    public Plugins(PluginsProperties properties, List<Step> builtIn) {
        this(properties, builtIn, Map::of);
    }

    @Autowired
    public Plugins(PluginsProperties properties, List<Step> builtIn, StepSource scripted) {
        this.scripted = scripted;
        for (StepKind kind : StepKind.values()) {
            steps.put(kind, new TreeMap<>());
        }
        for (Step step : builtIn) {
            for (StepKind kind : kindsOf(step)) {
                add(kind, step, PluginStep.BUILT_IN);
            }
        }
        loadJars(Path.of(properties.dir()));
        this.calls = new PluginCalls(properties.timeout());
    }

    private void loadJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.info("plugins: no folder {} (ztrade.plugins.dir), no plugin loaded", dir.toAbsolutePath());
            return;
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.jar")) {
            found.forEach(jars::add);
        } catch (IOException e) {
            throw new PluginLoadException("plugins: cannot read " + dir + ": " + e.getMessage(), e);
        }
        jars.sort(null);
        for (Path jar : jars) {
            load(jar);
        }
    }

    private void load(Path jar) {
        String file = jar.toString();
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // read once: a file that is not a zip fails here, with a reason, not later in the class loader
        } catch (IOException e) {
            // the reason is in the message; start-up's root cause is this, not the zip library's
            throw new PluginLoadException("plugin jar " + file + " did not load: not a jar (" + e.getMessage() + ")", null);
        }
        int found = 0;
        try {
            URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    new ApiOnlyClassLoader(Plugins.class.getClassLoader()));
            for (StepKind kind : StepKind.values()) {
                for (Step step : ServiceLoader.load(kind.type(), loader)) {
                    add(kind, step, file);
                    found++;
                }
            }
        } catch (PluginLoadException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError | ServiceConfigurationError e) {
            // ServiceConfigurationError (a listed class missing, not a step, no public no-argument constructor, or
            // its constructor threw), NoClassDefFoundError (it needs a class outside its jar and the API)
            throw new PluginLoadException("plugin jar " + file + " did not load: " + describe(e), e);
        }
        if (found == 0) {
            throw new PluginLoadException("plugin jar " + file + " did not load: it lists no step (a file"
                    + " META-INF/services/io.ztrade.plugin.api.Strategy, .SentimentFeed, .DecisionRule or .RiskRule naming"
                    + " its classes)", null);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            why.append(": ").append(c);
            if (c.getCause() == c) {
                break;
            }
        }
        return why.toString();
    }

    private void add(StepKind kind, Step step, String file) {
        PluginStep loaded = described(kind, step, file);
        steps.get(kind).put(loaded.name(), loaded);
        if (!loaded.builtIn()) {
            LOG.info("plugin {} {} {} from {} (parameters: {})", kind.parameter(), loaded.name(), loaded.version(), file,
                    loaded.parameters().stream().map(Parameter::name).toList());
        }
    }

    private PluginStep described(StepKind kind, Step step, String file) {
        String where = PluginStep.BUILT_IN.equals(file) ? "built-in step " + step.getClass().getName()
                : file.startsWith(SCRIPTED) ? "scripted step of " + file
                : "plugin jar " + file + " did not load: " + step.getClass().getName();
        String name = step.name();
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new PluginLoadException(where + ": name '" + name + "' must be a letter, then letters and digits", null);
        }
        int major;
        try {
            major = PluginApi.major(step.apiVersion());
        } catch (RuntimeException e) {
            throw new PluginLoadException(where + ": apiVersion '" + step.apiVersion() + "' is not a version", e);
        }
        if (major != PluginApi.major(PluginApi.VERSION)) {
            throw new PluginLoadException(where + ": written for plugin API " + step.apiVersion() + ", Ztrade has "
                    + PluginApi.VERSION, null);
        }
        List<Parameter> parameters = List.copyOf(step.parameters());
        Map<String, Parameter> byName = new HashMap<>();
        for (Parameter p : parameters) {
            if (byName.put(p.name(), p) != null) {
                throw new PluginLoadException(where + ": parameter '" + p.name() + "' is declared twice", null);
            }
            try {
                p.parse(p.defaultValue());
            } catch (IllegalArgumentException e) {
                throw new PluginLoadException(where + ": the default of parameter '" + p.name() + "' " + e.getMessage(), e);
            }
        }
        PluginStep known = steps.get(kind).get(name);
        if (known != null) {
            throw new PluginLoadException(where + ": " + kind.parameter() + " '" + name + "' is already "
                    + known.label(), null);
        }
        return new PluginStep(kind, step, name, String.valueOf(step.version()), String.valueOf(step.description()),
                parameters, file);
    }

    /** The scripted steps of that kind among {@code beans}, by name (those Ztrade knows already left out). */
    private Map<String, PluginStep> scripted(StepKind kind, Map<String, Step> beans) {
        Map<String, PluginStep> found = new TreeMap<>();
        beans.forEach((bean, step) -> {
            if (kind.type().isInstance(step) && steps.get(kind).values().stream().noneMatch(s -> s.step() == step)) {
                try {
                    PluginStep described = described(kind, step, SCRIPTED + " (bean " + bean + ")");
                    found.putIfAbsent(described.name(), described);
                } catch (PluginLoadException e) {
                    throw new PluginChoiceException(kind.parameter(), e.getMessage());
                }
            }
        });
        return found;
    }

    /**
     * What is wrong with the scripted step of bean {@code bean} among {@code beans} (the scripted steps as an edit of
     * the route files would leave them): what a jar's step is checked for (its name, API version and parameters, a
     * name no built-in or jar step has), its name not another scripted step's of the same kind. Empty when nothing is.
     */
    public List<String> scriptedProblems(String bean, Map<String, Step> beans) {
        Step step = beans.get(bean);
        List<String> problems = new ArrayList<>();
        for (StepKind kind : kindsOf(step)) {
            PluginStep described;
            try {
                described = described(kind, step, SCRIPTED + " (bean " + bean + ")");
            } catch (PluginLoadException e) {
                problems.add(e.getMessage());
                continue;
            }
            beans.forEach((other, s) -> {
                if (!other.equals(bean) && kind.type().isInstance(s)
                        && steps.get(kind).values().stream().noneMatch(known -> known.step() == s)
                        && described.name().equals(s.name())) {
                    problems.add(kind.parameter() + " '" + described.name() + "' is also the step of bean " + other);
                }
            });
        }
        return problems;
    }

    private static List<StepKind> kindsOf(Step step) {
        List<StepKind> kinds = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            if (kind.type().isInstance(step)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Every step, built-in ones first, then by kind and name; the scripted ones of routes/ as they are now. */
    public List<PluginStep> all() {
        List<PluginStep> all = new ArrayList<>();
        steps.values().forEach(byName -> all.addAll(byName.values()));
        Map<String, Step> beans = scripted.steps();
        for (StepKind kind : StepKind.values()) {
            all.addAll(scripted(kind, beans).values());
        }
        all.sort((a, b) -> Boolean.compare(!a.builtIn(), !b.builtIn()));
        return all;
    }

    public Collection<String> names(StepKind kind) {
        return steps.get(kind).keySet();
    }

    /**
     * The agent's chosen steps, their parameters checked and their defaults filled in.
     *
     * @param agent the agent's template parameters, as text (what {@link io.ztrade.plugin.api.Settings} hands on)
     * @throws PluginChoiceException naming the parameter, the unknown name and the names there are
     */
    public ChosenSteps choose(String agentId, PluginChoice choice, Map<String, String> agent) {
        return choose(agentId, choice, agent, scripted.steps());
    }

    /**
     * As {@link #choose(String, PluginChoice, Map)}, among the scripted steps {@code beans} (by bean name) rather than
     * those there are now: whether an agent keeps its steps after an edit of the route files.
     */
    public ChosenSteps choose(String agentId, PluginChoice choice, Map<String, String> agent, Map<String, Step> beans) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        PluginStep strategy = find(StepKind.STRATEGY, choice.strategy(), beans);
        PluginStep feed = find(StepKind.SENTIMENT_FEED, choice.sentimentFeed(), beans);
        PluginStep decision = find(StepKind.DECISION_RULE, choice.decisionRule(), beans);
        List<PluginStep> rules = new ArrayList<>();
        for (String rule : choice.riskRules()) {
            PluginStep step = find(StepKind.RISK_RULE, rule, beans);
            if (rules.contains(step)) {
                throw new PluginChoiceException(StepKind.RISK_RULE.parameter(), "names '" + rule + "' twice");
            }
            rules.add(step);
        }
        List<PluginStep> chosen = new ArrayList<>(List.of(strategy, feed, decision));
        chosen.addAll(rules);
        for (PluginStep step : chosen) {
            Map<String, Object> own = new LinkedHashMap<>();
            for (Parameter p : step.parameters()) {
                String field = step.name() + "." + p.name();
                String raw = choice.parameters().getOrDefault(field, p.defaultValue());
                try {
                    own.put(p.name(), p.parse(raw));
                } catch (IllegalArgumentException e) {
                    throw new PluginChoiceException(field, e.getMessage());
                }
            }
            values.putIfAbsent(step.name(), own);
        }
        for (String field : choice.parameters().keySet()) {
            String stepName = field.substring(0, field.indexOf('.'));
            String parameter = field.substring(field.indexOf('.') + 1);
            PluginStep step = chosen.stream().filter(s -> s.name().equals(stepName)).findFirst().orElse(null);
            if (step == null) {
                throw new PluginChoiceException(field, "is a parameter of '" + stepName + "', which the agent does not use"
                        + " (its steps: " + chosen.stream().map(PluginStep::name).distinct().toList() + ")");
            }
            if (step.parameters().stream().noneMatch(p -> p.name().equals(parameter))) {
                throw new PluginChoiceException(field, "is unknown: " + step.label() + " declares "
                        + step.parameters().stream().map(Parameter::name).toList());
            }
        }
        return new ChosenSteps(agentId, strategy, feed, decision, rules, values, agent, calls);
    }

    private PluginStep find(StepKind kind, String name, Map<String, Step> beans) {
        PluginStep step = steps.get(kind).get(name);
        if (step == null) {
            Map<String, PluginStep> scriptedNow = scripted(kind, beans);
            step = scriptedNow.get(name);
            if (step != null) {
                return step;
            }
            Set<String> names = new TreeSet<>(steps.get(kind).keySet());
            names.addAll(scriptedNow.keySet());
            throw new PluginChoiceException(kind.parameter(), "'" + name + "' is not a " + kind.parameter()
                    + (kind == StepKind.RISK_RULE ? " rule" : "") + "; available: "
                    + (names.isEmpty() ? "none (no plugin provides one)" : String.join(", ", names)));
        }
        return step;
    }
}
