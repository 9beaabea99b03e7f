package io.ztrade.management;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ModelToXMLDumper;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.springframework.stereotype.Component;

/**
 * Hawtio's route diagrams (and every other XML dump of the routes: the route's source in Hawtio, jconsole) show each
 * agent as it runs, with live per-node counts: Camel's XML dumper gives way to {@link TemplatedRouteXmlDumper}.
 */
@Component
class RouteDiagrams implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        ModelToXMLDumper camels = PluginHelper.getModelToXMLDumper(camel);
        if (!(camels instanceof TemplatedRouteXmlDumper)) {
            camel.getCamelContextExtension().addContextPlugin(ModelToXMLDumper.class, new TemplatedRouteXmlDumper(camels));
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing after start
    }
}
