package io.ztrade.plugins;

import io.ztrade.plugin.api.Step;
import java.util.Map;

/**
 * Steps defined outside the plugin jars, read each time an agent's steps are chosen: the scripted beans of
 * {@code routes/} (a bean written in Groovy that implements the plugin API), bound when the route files are loaded at
 * start-up and, under live reload (dev profile), bound, rebound and unbound by each edit that adds, changes or removes
 * one ({@code io.ztrade.routes.ScriptedStepBeans}). A run chooses its steps once, at its first step, and keeps them to
 * its end ({@code io.ztrade.agent.steps.PluginChoices}): a reload takes effect at the agents' next runs.
 */
public interface StepSource {

    /** The steps there are now, by the name of the bean that holds each. */
    Map<String, Step> steps();

    /**
     * Runs {@code swap}, which binds and unbinds scripted beans, so that {@link #steps()} sees all of it or none of it
     * (never a bean unbound and its new version not yet bound).
     */
    default void replace(Runnable swap) {
        swap.run();
    }
}
