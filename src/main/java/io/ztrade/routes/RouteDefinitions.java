package io.ztrade.routes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * The route files read by Camel's own loader (the YAML DSL, as at start-up) into model definitions, by id, without
 * adding any of them to the context: a reload then adds only those an edit touched.
 */
record RouteDefinitions(Map<String, RouteTemplateDefinition> templates,
                        Map<String, RouteConfigurationDefinition> configurations,
                        Map<String, TemplatedRouteDefinition> templatedRoutes,
                        Map<String, RouteDefinition> routes) {

    static RouteDefinitions load(CamelContext camel, List<Path> files) throws Exception {
        List<Resource> resources = new ArrayList<>();
        for (Path file : files) {
            resources.add(PluginHelper.getResourceLoader(camel).resolveResource("file:" + file.toAbsolutePath()));
        }
        RouteDefinitions definitions = new RouteDefinitions(new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>());
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resources)) {
            if (builder instanceof RouteBuilder routes) {
                // configure() only fills the builder's collections; populating the model is left to the reload
                routes.configureRoutes(camel);
                routes.getRouteTemplateCollection().getRouteTemplates().forEach(t -> definitions.templates.put(t.getId(), t));
                routes.getTemplatedRouteCollection().getTemplatedRoutes()
                        .forEach(t -> definitions.templatedRoutes.put(t.getRouteId(), t));
                routes.getRouteCollection().getRoutes().forEach(r -> definitions.routes.put(r.getRouteId(), r));
            }
            if (builder instanceof RouteConfigurationBuilder configurations) {
                configurations.getRouteConfigurationCollection().setCamelContext(camel);
                configurations.configuration();
                configurations.getRouteConfigurationCollection().getRouteConfigurations()
                        .forEach(c -> definitions.configurations.put(c.getId(), c));
            }
        }
        return definitions;
    }
}
