package io.ztrade.plugins;

import io.ztrade.plugin.api.Step;
import java.util.Map;

/**
 * Steps defined outside the plugin jars, read each time an agent's choice is checked: the scripted beans of
 * {@code routes/} (a bean written in Groovy that implements the plugin API), bound when the route files are loaded
 * at start-up (live reload refuses a change of a {@code beans:} entry until a restart).
 */
public interface StepSource {

    /** The steps there are now, by the name of the bean that holds each. */
    Map<String, Step> steps();
}
