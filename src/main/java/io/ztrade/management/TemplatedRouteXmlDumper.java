package io.ztrade.management;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.spi.ModelToXMLDumper;
import org.apache.camel.spi.NodeIdFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Camel's XML dump of the routes, with each route made from a template shown as it runs: its own template parameters
 * filled in ({@code ref="agentRuns"}, not {@code ref="{{runsBean}}"}) and its node ids with the route's
 * {@code prefixId} ({@code agent_tsla.decision}), the names its processor MBeans and statistics carry. Hawtio's route
 * diagram draws the dump of {@code dumpRoutesAsXml()} and matches each node's counts by that id; Camel dumps a templated
 * route's model as the template wrote it, so every node showed 0 and the raw placeholders.
 * <p>
 * Only template parameters are filled in, never property placeholders ({@code {{ztrade...}}}): viewers may read this
 * dump, and the parameters are the agent's settings the template declares. When a caller asks Camel to resolve
 * placeholders ({@code dumpRoutesAsXml(true)}, not open over Jolokia), each route gets its own parameters too: Camel
 * merges the parameters of all routes into one set, so every agent's dump showed the last agent's symbol and cron.
 */
final class TemplatedRouteXmlDumper implements ModelToXMLDumper {

    /** {@code {{name}}} or {@code {{name:default}}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}:]+)(?::([^{}]*))?}}");

    private final ModelToXMLDumper camel;

    TemplatedRouteXmlDumper(ModelToXMLDumper camel) {
        this.camel = camel;
    }

    @Override
    public String dumpModelAsXml(CamelContext context, NamedNode definition) throws Exception {
        return dumpModelAsXml(context, definition, false, true, false);
    }

    @Override
    public String dumpModelAsXml(CamelContext context, NamedNode definition, boolean resolvePlaceholders,
                                 boolean generatedIds, boolean sourceLocation) throws Exception {
        if (templatedRoutes(definition).isEmpty()) {
            return camel.dumpModelAsXml(context, definition, resolvePlaceholders, generatedIds, sourceLocation);
        }
        String xml = camel.dumpModelAsXml(context, definition, false, generatedIds, sourceLocation);
        if (xml == null) {
            return null;
        }
        Document document = parse(xml);
        for (Map.Entry<Element, RouteDefinition> scope : scopes(document, definition).entrySet()) {
            asRun(context, scope.getKey(), scope.getValue());
        }
        if (resolvePlaceholders) {
            resolveProperties(context, document.getDocumentElement());
        }
        return write(document);
    }

    @Override
    public String dumpBeansAsXml(CamelContext context, List<Object> beans) throws Exception {
        return camel.dumpBeansAsXml(context, beans);
    }

    @Override
    public String dumpDataFormatsAsXml(CamelContext context, Map<String, Object> dataFormats) throws Exception {
        return camel.dumpDataFormatsAsXml(context, dataFormats);
    }

    /** The routes in the dump that were made from a template. */
    private static List<RouteDefinition> templatedRoutes(NamedNode definition) {
        List<RouteDefinition> routes = new ArrayList<>();
        if (definition instanceof RoutesDefinition all) {
            routes.addAll(all.getRoutes());
        } else if (definition instanceof RouteDefinition route) {
            routes.add(route);
        } else if (definition instanceof ProcessorDefinition<?> processor && ProcessorDefinitionHelper.getRoute(processor) != null) {
            routes.add(ProcessorDefinitionHelper.getRoute(processor));
        }
        routes.removeIf(route -> route.getTemplateParameters() == null && route.getNodePrefixId() == null);
        return routes;
    }

    /** Each element of the dump that stands for a templated route (or one of its nodes), with that route. */
    private static Map<Element, RouteDefinition> scopes(Document document, NamedNode definition) {
        Map<Element, RouteDefinition> scopes = new HashMap<>();
        Element root = document.getDocumentElement();
        if (!(definition instanceof RoutesDefinition all)) {
            scopes.put(root, templatedRoutes(definition).get(0));
            return scopes;
        }
        Map<String, RouteDefinition> byId = new HashMap<>();
        templatedRoutes(all).forEach(route -> byId.put(route.getRouteId(), route));
        for (Element route : children(root)) {
            RouteDefinition model = byId.get(route.getAttribute("id"));
            if ("route".equals(route.getTagName()) && model != null) {
                scopes.put(route, model);
            }
        }
        return scopes;
    }

    /** Fills in the route's template parameters and gives each node the id the running route names it by. */
    private static void asRun(CamelContext context, Element scope, RouteDefinition route) {
        Map<String, Object> parameters = new HashMap<>();
        if (route.getTemplateDefaultParameters() != null) {
            parameters.putAll(route.getTemplateDefaultParameters());
        }
        if (route.getTemplateParameters() != null) {
            parameters.putAll(route.getTemplateParameters());
        }
        Map<String, String> ids = runningIds(context, route);
        walk(scope, (element, attribute) -> {
            String value = attribute.getValue();
            boolean routeId = element == scope && "route".equals(element.getTagName());
            if ("id".equals(attribute.getName()) && !routeId) {
                attribute.setValue(ids.getOrDefault(value, value));
            } else {
                attribute.setValue(fill(value, parameters));
            }
        }, text -> text.setNodeValue(fill(text.getNodeValue(), parameters)));
    }

    /** Node id as written in the template to the id Camel runs it under ({@code prefixId} in front, as JMX names it). */
    private static Map<String, String> runningIds(CamelContext context, RouteDefinition route) {
        NodeIdFactory factory = context.getCamelContextExtension().getContextPlugin(NodeIdFactory.class);
        Map<String, String> ids = new HashMap<>();
        List<OptionalIdentifiedDefinition<?>> nodes = new ArrayList<>();
        if (route.getInput() != null) {
            nodes.add(route.getInput());
        }
        for (ProcessorDefinition<?> node : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(),
                ProcessorDefinition.class)) {
            nodes.add(node);
        }
        for (OptionalIdentifiedDefinition<?> node : nodes) {
            // a node with an id keeps it: idOrCreate only puts the prefix in front, as ManagedProcessor does
            if (node.getId() != null) {
                ids.putIfAbsent(node.getId(), node.idOrCreate(factory));
            }
        }
        return ids;
    }

    private static String fill(String value, Map<String, Object> parameters) {
        if (value == null || !value.contains("{{")) {
            return value;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1).trim();
            Object parameter = parameters.get(name);
            if (parameter == null && !name.contains(".") && placeholder.group(2) != null) {
                // a bean the template names "{{riskValidator:riskValidator}}" (a replay's own, or else the live
                // bean after the colon): a route without one of its own calls the live bean. Application properties
                // (ztrade.*) are never filled in here
                parameter = placeholder.group(2);
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(
                    parameter == null ? placeholder.group() : parameter.toString()));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /** What {@code resolvePlaceholders} asks for: the remaining property placeholders, as Camel resolves them. */
    private static void resolveProperties(CamelContext context, Element root) {
        UnaryOperator<String> resolve = value -> {
            if (value == null || !value.contains("{{")) {
                return value;
            }
            try {
                return context.resolvePropertyPlaceholders(value);
            } catch (RuntimeException unresolvable) {
                return value; // as Camel's own dump: left as written
            }
        };
        walk(root, (element, attribute) -> attribute.setValue(resolve.apply(attribute.getValue())),
                text -> text.setNodeValue(resolve.apply(text.getNodeValue())));
    }

    private static void walk(Element element, BiConsumer<Element, Attr> attributes, Consumer<Node> texts) {
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            attributes.accept(element, (Attr) all.item(i));
        }
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element child) {
                walk(child, attributes, texts);
            } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                texts.accept(node);
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String write(Document document) throws Exception {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter xml = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(xml));
        return xml.toString();
    }
}
