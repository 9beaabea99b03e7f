package io.ztrade.routes;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RoutesValidator.Problem;
import io.ztrade.plugin.api.Step;
import io.ztrade.plugins.PluginChoice;
import io.ztrade.plugins.PluginChoiceException;
import io.ztrade.plugins.Plugins;
import io.ztrade.plugins.StepKind;
import io.ztrade.plugins.StepSource;
import io.ztrade.routes.RoutesFiles.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.BeanFactoryDefinition;
import org.apache.camel.model.BeanModelHelper;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripted steps of the route files under live reload: a {@code beans:} entry with a {@code scriptLanguage} and
 * a {@code script} whose {@code type} is one of the plugin API's step contracts ({@code Strategy},
 * {@code SentimentFeed}, {@code DecisionRule}, {@code RiskRule}). An edit that adds, changes or removes one is
 * {@linkplain #stage staged} first: each new script is run in the live context (as start-up runs it) into a new
 * instance, bound nowhere; the instance must be the step its type says and pass the checks of a jar's step; and every
 * agent the edit leaves alone must still find its steps among the scripted steps as they would be. Only then does
 * {@link #bind} swap them into Camel's registry, all at once for the agents' runs ({@link StepSource#replace});
 * {@link #restore} puts the instances that ran before back when the rest of the edit fails.
 * <p>
 * Any other bean is refused, as before: a route holds the bean it was built with, so rebinding it would leave the
 * routes on the old one and what comes next on the new one.
 */
final class ScriptedStepBeans {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptedStepBeans.class);

    /** The keys of a scripted step's entry; another key (a factory, a constructor, ...) makes it an ordinary bean. */
    private static final Set<String> KEYS = Set.of("name", "type", "scriptLanguage", "script",
            "scriptPropertyPlaceholders", "properties");

    private final CamelContext camel;
    private final Plugins plugins;
    private final AgentCatalog catalog;
    private final StepSource source;
    /** What {@link #bind} replaced, by bean name (null: there was no such bean), for {@link #restore}. */
    private final Map<String, Object> replaced = new LinkedHashMap<>();

    ScriptedStepBeans(CamelContext camel, Plugins plugins, AgentCatalog catalog, StepSource source) {
        this.camel = camel;
        this.plugins = plugins;
        this.catalog = catalog;
        this.source = source;
    }

    /** The new instances of an edit's scripted steps, by bean name; null for a bean the edit removes. */
    record Staged(Map<String, Step> beans, List<Problem> problems) {

        boolean isEmpty() {
            return beans.isEmpty();
        }
    }

    /** Whether the item is a scripted step's bean, which live reload may bind, rebind and unbind. */
    static boolean isScriptedStep(Item item) {
        if (item == null || !RoutesFiles.BEANS.equals(item.kind()) || !(item.value() instanceof Map<?, ?> bean)) {
            return false;
        }
        return KEYS.containsAll(bean.keySet()) && bean.get("scriptLanguage") instanceof String
                && bean.get("script") instanceof String && stepKind(bean.get("type")) != null;
    }

    /** The step contract a bean's {@code type} names, null when it names none. */
    private static StepKind stepKind(Object type) {
        if (!(type instanceof String name)) {
            return null;
        }
        String fqn = name.startsWith("#class:") ? name.substring("#class:".length()) : name;
        for (StepKind kind : StepKind.values()) {
            if (kind.type().getName().equals(fqn)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * The edit's scripted steps made anew, and what is wrong with them or with the agents left alone: each problem at
     * the bean's entry (a removed one's where it was), naming the bean and, when an agent still chooses it, the agent.
     */
    Staged stage(RoutesChange change, RoutesFiles before, RoutesFiles next) {
        Map<String, Step> staged = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (change.beans().isEmpty()) {
            return new Staged(staged, problems); // no step changes: the agents left alone keep theirs
        }
        for (String name : change.beans()) {
            Item item = next.items().get(RoutesFiles.BEANS + ":" + name);
            if (item == null) {
                staged.put(name, null);
                continue;
            }
            StepKind kind = stepKind(((Map<?, ?>) item.value()).get("type"));
            Object made;
            try {
                made = BeanModelHelper.newInstance(definition(item), camel);
            } catch (Exception | LinkageError e) {
                problems.add(problem(item, "its " + ((Map<?, ?>) item.value()).get("scriptLanguage")
                        + " script failed: " + RoutesReloader.rootMessage(e)));
                continue;
            }
            if (!kind.type().isInstance(made)) {
                problems.add(problem(item, "its script made " + describe(made) + ", not the " + kind.type().getName()
                        + " its type says"));
                continue;
            }
            staged.put(name, (Step) made);
        }
        if (!problems.isEmpty()) {
            return new Staged(Map.of(), problems);
        }
        Map<String, Step> after = after(staged);
        for (Map.Entry<String, Step> bean : staged.entrySet()) {
            if (bean.getValue() != null) {
                Item item = next.items().get(RoutesFiles.BEANS + ":" + bean.getKey());
                plugins.scriptedProblems(bean.getKey(), after).forEach(p -> problems.add(problem(item, p)));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(agentsLeftAlone(change, before, next, staged, after));
        }
        return new Staged(problems.isEmpty() ? staged : Map.of(), problems);
    }

    /** Each agent the edit does not touch chooses its steps again among {@code after}; one problem per agent that cannot. */
    private List<Problem> agentsLeftAlone(RoutesChange change, RoutesFiles before, RoutesFiles next,
                                          Map<String, Step> staged, Map<String, Step> after) {
        Registry registry = camel.getRegistry();
        List<Problem> problems = new ArrayList<>();
        for (AgentSettings agent : catalog.all()) {
            if (change.toRemove().contains(agent.agentId())) {
                continue; // removed, or added again from its new entry, which Camel checks as it adds it
            }
            try {
                plugins.choose(agent.agentId(), agent.plugins(), Map.of(), after);
            } catch (PluginChoiceException e) {
                String bean = culprit(agent.plugins(), staged, registry);
                Item item = next.items().get(RoutesFiles.BEANS + ":" + bean);
                Item where = item != null ? item : before.items().get(RoutesFiles.BEANS + ":" + bean);
                problems.add(problem(where, "agent " + agent.agentId() + " still chooses its step"
                        + (item == null ? ", which this edit removes" : "") + ": " + e.field() + " "
                        + e.getMessage()));
            }
        }
        return problems;
    }

    /** The bean of the edit whose step (as it ran, or as it would be) the agent chooses; else the edit's first bean. */
    private static String culprit(PluginChoice choice, Map<String, Step> staged, Registry registry) {
        Set<String> chosen = new LinkedHashSet<>(List.of(choice.strategy(), choice.sentimentFeed(), choice.decisionRule()));
        chosen.addAll(choice.riskRules());
        choice.parameters().keySet().forEach(field -> chosen.add(field.substring(0, field.indexOf('.'))));
        for (Map.Entry<String, Step> bean : staged.entrySet()) {
            Object was = registry.lookupByName(bean.getKey());
            if (was instanceof Step old && chosen.contains(old.name())
                    || bean.getValue() != null && chosen.contains(bean.getValue().name())) {
                return bean.getKey();
            }
        }
        return staged.keySet().iterator().next();
    }

    /** The scripted steps as the edit would leave them: those bound now, the staged ones in place. */
    private Map<String, Step> after(Map<String, Step> staged) {
        Map<String, Step> after = new LinkedHashMap<>(source.steps());
        staged.forEach((name, step) -> {
            if (step == null) {
                after.remove(name);
            } else {
                after.put(name, step);
            }
        });
        return after;
    }

    /** Binds the staged instances, unbinds the removed beans; what they replaced is kept for {@link #restore}. */
    void bind(Staged staged) {
        replaced.clear();
        if (staged.isEmpty()) {
            return;
        }
        Registry registry = camel.getRegistry();
        staged.beans().keySet().forEach(name -> replaced.put(name, registry.lookupByName(name)));
        source.replace(() -> swap(staged.beans()));
        LOG.info("Scripted steps rebound: {}", staged.beans().keySet());
    }

    /** Best effort: the beans {@link #bind} replaced, back as they were. */
    void restore() {
        Map<String, Object> back = new LinkedHashMap<>(replaced);
        try {
            source.replace(() -> swap(back));
        } catch (RuntimeException e) {
            LOG.error("Reload rollback: cannot put back the scripted steps {}: {}", back.keySet(), e.toString());
        }
    }

    private void swap(Map<String, ?> beans) {
        Registry registry = camel.getRegistry();
        beans.forEach((name, bean) -> {
            registry.unbind(name);
            if (bean != null) {
                registry.bind(name, bean);
            }
        });
    }

    private static BeanFactoryDefinition<?> definition(Item item) {
        Map<?, ?> bean = (Map<?, ?>) item.value();
        BeanFactoryDefinition<?> definition = new BeanFactoryDefinition<>();
        definition.setName((String) bean.get("name"));
        // what the script makes, as it is: Camel would convert it to the type, or make it null, and hide what it was
        definition.setType("#class:java.lang.Object");
        definition.setScriptLanguage((String) bean.get("scriptLanguage"));
        definition.setScript((String) bean.get("script"));
        if (bean.get("scriptPropertyPlaceholders") instanceof String placeholders) {
            definition.setScriptPropertyPlaceholders(placeholders);
        }
        if (bean.get("properties") instanceof Map<?, ?> properties) {
            Map<String, Object> values = new LinkedHashMap<>();
            properties.forEach((k, v) -> values.put(String.valueOf(k), v));
            definition.setProperties(values);
        }
        return definition;
    }

    private static String describe(Object made) {
        if (made == null) {
            return "nothing";
        }
        List<String> steps = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            if (kind.type().isInstance(made)) {
                steps.add(kind.type().getSimpleName());
            }
        }
        return "a " + made.getClass().getName() + (steps.isEmpty() ? "" : " (a " + String.join(", ", steps) + ")");
    }

    static Problem problem(Item item, String message) {
        return new Problem(item.file(), item.line(), "beans " + item.id() + ": " + message
                + "; not applied, the agents run on the last good routes");
    }
}
