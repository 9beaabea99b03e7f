package io.ztrade.management;

import io.ztrade.plugin.api.Parameter;
import io.ztrade.plugin.api.PluginApi;
import io.ztrade.plugins.PluginStep;
import io.ztrade.plugins.Plugins;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/plugins}: every step an agent can choose by name, Ztrade's own and those of the jars in
 * {@code plugins/}, with their version, file and declared parameters (what {@code <step>.<parameter>} may set).
 */
@RestController
class PluginsController {

    private final Plugins plugins;

    PluginsController(Plugins plugins) {
        this.plugins = plugins;
    }

    /**
     * @param parameter the template parameter that chooses a step of this kind (strategy, sentimentFeed,
     *                  decisionRule, riskRules)
     * @param file      the plugin jar, or {@code built-in}
     */
    record StepView(String name, String kind, String parameter, String version, String file, String description,
                    List<ParameterView> parameters) {
    }

    /** @param name as an agent sets it: {@code <step>.<parameter>} */
    record ParameterView(String name, String type, String defaultValue, Double min, Double max, String description) {
    }

    record PluginsView(String apiVersion, List<StepView> steps) {
    }

    @GetMapping("/api/plugins")
    PluginsView plugins() {
        return new PluginsView(PluginApi.VERSION, plugins.all().stream().map(PluginsController::view).toList());
    }

    private static StepView view(PluginStep s) {
        return new StepView(s.name(), s.kind().name(), s.kind().parameter(), s.version(), s.file(), s.description(),
                s.parameters().stream().map(p -> parameter(s, p)).toList());
    }

    private static ParameterView parameter(PluginStep s, Parameter p) {
        return new ParameterView(s.name() + "." + p.name(), p.type().name(), p.defaultValue(), p.min(), p.max(),
                p.description());
    }
}
