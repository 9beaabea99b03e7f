package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What Hawtio's route diagram reads over Jolokia, read here over JMX: the context's {@code dumpRoutesAsXml()} (the
 * diagram's nodes and labels) and {@code dumpRoutesStatsAsXml(true, true)} (the counts it puts on each node, matched
 * by node id).
 */
class RouteDiagramJmxTest extends OperationsTestSupport {

    @Autowired
    CamelContext camel;

    final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void eachAgentsDumpShowsItsOwnSettingsAndTheNodeIdsItsCountsAreKeptUnder() throws Exception {
        ObjectName context = camel.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForCamelContext(camel);
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, String.class);
        // until the run has been through its broker node (a NotifyBuilder on the route matches earlier: a branch of
        // its multicast and its wireTap are exchanges from the same route, done mid-run); no count under that id
        // ever (ids that do not match the statistics) times out
        Document[] stats = new Document[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            stats[0] = parse((String) jmx.invoke(context, "dumpRoutesStatsAsXml", new Object[] {true, true},
                    new String[] {"boolean", "boolean"}));
            Element broker = ids(route(stats[0], "routeStat", "test_crypto")).get("test_crypto.broker");
            return broker != null && Long.parseLong(broker.getAttribute("exchangesCompleted")) > 0;
        });
        Document routes = parse((String) jmx.invoke(context, "dumpRoutesAsXml", null, null));

        Element crypto = route(routes, "route", "test_crypto");
        assertThat(values(crypto)).as("labels of test_crypto's diagram").noneMatch(value -> value.contains("{{"))
                .contains("agentRuns", "riskValidator", "direct:submitOrder");
        assertThat(first(crypto, "from").getAttribute("uri")).startsWith("quartz:agents/test_crypto?");
        // every agent its own parameters, not the last agent's
        assertThat(first(route(routes, "route", "test_stock"), "from").getAttribute("uri"))
                .startsWith("quartz:agents/test_stock?");

        // asked for resolved property placeholders too (jconsole; not open over Jolokia), each agent still its own
        Document resolved = parse((String) jmx.invoke(context, "dumpRoutesAsXml", new Object[] {true},
                new String[] {"boolean"}));
        assertThat(first(route(resolved, "route", "test_stock"), "from").getAttribute("uri"))
                .startsWith("quartz:agents/test_stock?");

        Map<String, Element> nodes = ids(crypto);
        assertThat(nodes).containsKeys("test_crypto.marketHours", "test_crypto.decision", "test_crypto.broker")
                .doesNotContainKeys("decision", "broker");
        Map<String, Element> counts = ids(route(stats[0], "routeStat", "test_crypto"));
        assertThat(nodes.keySet()).as("test_crypto's nodes with counts").containsAll(counts.keySet());
        assertThat(Long.parseLong(counts.get("test_crypto.broker").getAttribute("exchangesCompleted"))).isPositive();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Element route(Document document, String tag, String id) {
        NodeList all = document.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return (Element) all.item(i);
            }
        }
        throw new AssertionError("no " + tag + " " + id + " in " + document.getDocumentElement().getTagName());
    }

    private static Element first(Element parent, String tag) {
        return (Element) parent.getElementsByTagName(tag).item(0);
    }

    /** The elements under {@code parent} by their id. */
    private static Map<String, Element> ids(Element parent) {
        Map<String, Element> ids = new HashMap<>();
        NodeList all = parent.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("id")) {
                ids.put(element.getAttribute("id"), element);
            }
        }
        return ids;
    }

    /** Every attribute value and text under {@code parent}: what the diagram's labels are made of. */
    private static List<String> values(Element parent) {
        List<String> values = new ArrayList<>();
        NamedNodeMap attributes = parent.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            values.add(attributes.item(i).getNodeValue());
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                values.addAll(values(element));
            } else if (!child.getNodeValue().isBlank()) {
                values.add(child.getNodeValue().trim());
            }
        }
        return values;
    }
}
