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
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.apache.camel.dsl.yaml.common.YamlDeserializationContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The route files read by Camel's own loader (the YAML DSL, as at start-up) into model definitions, by id, without
 * adding any of them to the context: a reload then adds only those an edit touched. Top-level {@code beans:} are left
 * out: Camel's loader binds each bean into the live registry as it reads it (a new instance of every bean at each
 * read), before anything is checked; a reload binds the scripted steps itself ({@link ScriptedStepBeans}).
 */
record RouteDefinitions(Map<String, RouteTemplateDefinition> templates,
                        Map<String, RouteConfigurationDefinition> configurations,
                        Map<String, TemplatedRouteDefinition> templatedRoutes,
                        Map<String, RouteDefinition> routes) {

    static RouteDefinitions load(CamelContext camel, List<Path> files) throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>();
        WithoutBeans loader = new WithoutBeans();
        loader.setCamelContext(camel);
        loader.start();
        try {
            for (Path file : files) {
                Resource resource = PluginHelper.getResourceLoader(camel).resolveResource("file:" + file.toAbsolutePath());
                builders.add(loader.loadRoutesBuilder(resource));
            }
        } finally {
            loader.stop();
        }
        RouteDefinitions definitions = new RouteDefinitions(new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>());
        for (RoutesBuilder builder : builders) {
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

    /** Camel's YAML loader, reading each file without its top-level {@code - beans:} items. */
    private static final class WithoutBeans extends YamlRoutesBuilderLoader {

        @Override
        protected RouteBuilder builder(YamlDeserializationContext ctx, Node root) {
            if (root instanceof SequenceNode items) {
                List<Node> kept = items.getValue().stream().filter(item -> !isBeans(item)).toList();
                root = new SequenceNode(items.getTag(), true, kept, items.getFlowStyle(), items.getStartMark(),
                        items.getEndMark());
            }
            return super.builder(ctx, root);
        }

        private static boolean isBeans(Node item) {
            return item instanceof MappingNode map && map.getValue().size() == 1
                    && map.getValue().get(0).getKeyNode() instanceof ScalarNode key
                    && RoutesFiles.BEANS.equals(key.getValue());
        }
    }
}
