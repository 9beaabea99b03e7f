package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.management.Descriptor;
import javax.management.MBeanFeatureInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.modelmbean.ModelMBeanInfo;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spring.spi.SpringManagementMBeanAssembler;
import org.junit.jupiter.api.Test;

/**
 * The cached assembler gives every MBean the info camel-spring's own assembler gives it, and each MBean still reads
 * its own object.
 */
class CachedMBeanInfoAssemblerTest {

    /** The assembler itself is one of the context's services, under its class's name */
    private static final String ASSEMBLER = "(io\\.ztrade\\.agent\\.CachedMBeanInfoAssembler|org\\.apache\\.camel\\.spring\\.spi\\.SpringManagementMBeanAssembler|CachedMBeanInfoAssembler|SpringManagementMBeanAssembler)";

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void everyMBeanHasCamelsOwnInfoAndReadsItsOwnObject() throws Exception {
        CamelContext cached = started("cachedAssembler", true);
        CamelContext camels = started("camelsAssembler", false);
        try {
            for (CamelContext camel : new CamelContext[] {cached, camels}) {
                camel.createProducerTemplate().sendBody("direct:a", "x");
                camel.createProducerTemplate().sendBody("direct:a", "x");
                camel.createProducerTemplate().sendBody("direct:b", "x");
            }
            Map<String, String> ours = infos(cached);
            Map<String, String> theirs = infos(camels);
            // routes, processors, endpoints, consumers, services, the context itself, ...
            assertThat(ours.keySet()).hasSizeGreaterThan(30).isEqualTo(theirs.keySet());
            ours.forEach((name, info) -> assertThat(info).as(name).isEqualTo(theirs.get(name)));
            // the same class, info made once: each processor still counts its own exchanges
            assertThat(SERVER.getAttribute(processor(cached, "toA"), "ExchangesTotal")).isEqualTo(2L);
            assertThat(SERVER.getAttribute(processor(cached, "toB"), "ExchangesTotal")).isEqualTo(1L);
        } finally {
            cached.stop();
            camels.stop();
        }
    }

    private static ObjectName processor(CamelContext camel, String id) throws Exception {
        return SERVER.queryNames(new ObjectName("org.apache.camel:context=" + camel.getManagementName()
                + ",type=processors,name=\"" + id + "\""), null).iterator().next();
    }

    private static CamelContext started(String name, boolean cached) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        camel.getCamelContextExtension().setManagementMBeanAssembler(
                cached ? new CachedMBeanInfoAssembler(camel) : new SpringManagementMBeanAssembler(camel));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").routeId("a").setBody(constant("a")).id("setA").to("mock:a").id("toA")
                        .filter(simple("${body} == 'a'")).id("gateA").log("a").id("logA");
                from("direct:b").routeId("b").setBody(constant("b")).id("setB").to("mock:b").id("toB")
                        .filter(simple("${body} == 'b'")).id("gateB").log("b").id("logB");
            }
        });
        camel.start();
        return camel;
    }

    /** Every MBean of the context by its name (context's name taken out), with its info in full. */
    private static Map<String, String> infos(CamelContext camel) throws Exception {
        Map<String, String> infos = new TreeMap<>();
        for (ObjectName name : SERVER.queryNames(new ObjectName("org.apache.camel:context=" + camel.getManagementName() + ",*"), null)) {
            MBeanInfo info = SERVER.getMBeanInfo(name);
            String text = info.getClassName() + " | " + info.getDescription() + " | "
                    + features(info.getAttributes()) + " | " + features(info.getOperations()) + " | "
                    + features(info.getNotifications()) + " | "
                    + (info instanceof ModelMBeanInfo model ? fields(model.getMBeanDescriptor()) : "");
            // consumers and producers are named by identity hash: (0x4583a97c)
            infos.put(name.toString().replace(camel.getManagementName(), "CTX").replace(camel.getName(), "CTX")
                            .replaceAll("\\(0x[0-9a-f]+\\)", "(0x)").replaceAll(ASSEMBLER, "Assembler"),
                    text.replace(camel.getManagementName(), "CTX").replace(camel.getName(), "CTX").replaceAll(ASSEMBLER, "Assembler"));
        }
        return infos;
    }

    private static String features(MBeanFeatureInfo[] features) {
        return Arrays.stream(features).map(f -> f.getName() + ":" + f.getDescription() + ":" + fields(f.getDescriptor()))
                .sorted().collect(Collectors.joining(", "));
    }

    private static String fields(Descriptor descriptor) {
        return descriptor == null ? "" : new TreeMap<>(Arrays.stream(descriptor.getFieldNames())
                .collect(Collectors.toMap(n -> n, n -> String.valueOf(descriptor.getFieldValue(n))))).toString();
    }
}
