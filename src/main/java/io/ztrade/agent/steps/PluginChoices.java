package io.ztrade.agent.steps;

import io.ztrade.agent.AgentSettings;
import io.ztrade.plugins.ChosenSteps;
import io.ztrade.plugins.Plugins;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each agent's chosen steps ({@link Plugins#choose}), made once per distinct settings: a live agent's, and each
 * replay's or sweep combination's (their settings differ), so a run only looks its steps up. Steps scripted in
 * {@code routes/} are chosen again for each run, so a reload of the route files takes effect at once.
 */
@Component
public class PluginChoices {

    /** Sweeps make settings by the thousand: past this many, start again rather than keep them all. */
    private static final int MAX_KEPT = 4096;

    private final Plugins plugins;
    private final Map<AgentSettings, ChosenSteps> chosen = new ConcurrentHashMap<>();

    public PluginChoices(Plugins plugins) {
        this.plugins = plugins;
    }

    public ChosenSteps of(AgentSettings agent) {
        ChosenSteps steps = chosen.get(agent);
        if (steps == null) {
            if (chosen.size() >= MAX_KEPT) {
                chosen.clear();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            agent.toParameters().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
            steps = plugins.choose(agent.agentId(), agent.plugins(), parameters);
            // a scripted step is looked up again each run: a reload of routes/ may have replaced its bean
            if (!steps.anyScripted()) {
                chosen.put(agent, steps);
            }
        }
        return steps;
    }
}
