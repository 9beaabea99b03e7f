package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.plugins.ChosenSteps;
import io.ztrade.plugins.Plugins;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each agent's chosen steps ({@link Plugins#choose}), made once per distinct settings: a live agent's, and each
 * replay's or sweep combination's (their settings differ), so a run only looks its steps up. Steps scripted in
 * {@code routes/} may be rebound by a live reload: they are chosen again for each run, at its first step, and the run
 * keeps them to its end ({@link #of(AgentRun)}), so a run never mixes two versions and the next run takes the new one.
 */
@Component
public class PluginChoices {

    /** Sweeps make settings by the thousand: past this many, start again rather than keep them all. */
    private static final int MAX_KEPT = 4096;
    /** Runs with scripted steps whose choice is kept: far more than can be going on at once. */
    private static final int MAX_PINNED = 1024;

    private final Plugins plugins;
    private final Map<AgentSettings, ChosenSteps> chosen = new ConcurrentHashMap<>();
    /** The scripted steps of the runs going on, by run id, oldest dropped first. */
    private final Map<String, ChosenSteps> pinned = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChosenSteps> eldest) {
            return size() > MAX_PINNED;
        }
    });

    public PluginChoices(Plugins plugins) {
        this.plugins = plugins;
    }

    /** The run's steps: those it chose at its first step when one of them is scripted. */
    public ChosenSteps of(AgentRun run) {
        ChosenSteps steps = chosen.get(run.agent());
        if (steps != null) {
            return steps;
        }
        return pinned.computeIfAbsent(run.runId(), id -> of(run.agent()));
    }

    /** The agent's steps as they are now. */
    public ChosenSteps of(AgentSettings agent) {
        ChosenSteps steps = chosen.get(agent);
        if (steps == null) {
            if (chosen.size() >= MAX_KEPT) {
                chosen.clear();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            agent.toParameters().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
            steps = plugins.choose(agent.agentId(), agent.plugins(), parameters);
            // a scripted step is chosen again for each run: a reload of routes/ may have replaced its bean
            if (!steps.anyScripted()) {
                chosen.put(agent, steps);
            }
        }
        return steps;
    }
}
