package io.ztrade.plugins;

import io.ztrade.plugin.api.Step;
import java.util.Map;

/**
 * Steps defined outside the plugin jars, read each time an agent's choice is checked: the scripted beans of
 * {@code routes/} (a bean written in Groovy that implements the plugin API), which come and go with the route files.
 */
public interface StepSource {

    /** The steps there are now, by the name of the bean that holds each. */
    Map<String, Step> steps();
}
