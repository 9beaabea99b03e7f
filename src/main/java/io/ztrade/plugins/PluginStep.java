package io.ztrade.plugins;

import io.ztrade.plugin.api.Parameter;
import io.ztrade.plugin.api.Step;
import java.util.List;

/**
 * One step Ztrade knows: a built-in one or one a plugin jar provided.
 *
 * @param file the jar it came from, or {@code built-in}
 */
public record PluginStep(StepKind kind, Step step, String name, String version, String description,
                         List<Parameter> parameters, String file) {

    public static final String BUILT_IN = "built-in";

    /** A bean of the route files ({@link StepSource}), not of a jar. */
    public boolean scripted() {
        return file.startsWith("routes/");
    }

    public boolean builtIn() {
        return BUILT_IN.equals(file);
    }

    /** How errors and logs name it: {@code strategy meanReversion (plugins/mean-reversion.jar)}. */
    public String label() {
        return kind.parameter() + " " + name + " (" + file + ")";
    }
}
