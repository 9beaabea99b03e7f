package io.ztrade.agent;

import io.ztrade.plugin.api.Step;
import io.ztrade.plugins.StepSource;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The scripted steps of {@code routes/}: beans of Camel's registry that implement the plugin API, e.g. a
 * {@code - beans:} entry with {@code scriptLanguage: groovy} (README "Write your own step"). Spring's own beans of
 * those types (Ztrade's built-in steps) are in the registry too; {@link io.ztrade.plugins.Plugins} knows them already.
 */
@Component
class ScriptedSteps implements StepSource {

    private final ObjectProvider<CamelContext> camel;

    ScriptedSteps(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    @Override
    public Map<String, Step> steps() {
        CamelContext context = camel.getIfAvailable();
        return context == null ? Map.of() : context.getRegistry().findByTypeWithName(Step.class);
    }
}
