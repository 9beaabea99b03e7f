package io.ztrade.management.security;

import io.hawt.jmx.JMXSecurityMBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells Hawtio which operations the logged-in user may run ({@code canInvoke}), from {@link JolokiaPolicy}, so it
 * shows only the buttons that will work. Hawtio uses any {@code hawtio:type=security,area=jmx} MBean other than its
 * own dummy, which says yes to everything. The decision itself stays with {@link JolokiaRestrictor}.
 */
@Component
class HawtioPermissions implements JMXSecurityMBean, DisposableBean {

    private final JolokiaRestrictor restrictor;
    private final ObjectName name;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    HawtioPermissions(JolokiaRestrictor restrictor, CamelContext camel) throws MalformedObjectNameException {
        this.restrictor = restrictor;
        // one per application (tests run several in one JVM); any of them answers for the current user
        this.name = new ObjectName("hawtio:type=security,area=jmx,name=ZtradeJMXSecurity,app=" + ObjectName.quote(camel.getName()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws JMException {
        if (!server.isRegistered(name)) {
            server.registerMBean(new StandardMBean(this, JMXSecurityMBean.class), name);
        }
    }

    @Override
    public void destroy() throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }

    @Override
    public boolean canInvoke(String objectName) throws MalformedObjectNameException {
        return restrictor.mayInvokeAny(new ObjectName(objectName));
    }

    @Override
    public boolean canInvoke(String objectName, String methodName) throws MalformedObjectNameException {
        return restrictor.mayInvoke(new ObjectName(objectName), methodName);
    }

    @Override
    public boolean canInvoke(String objectName, String methodName, String[] argumentTypes)
            throws MalformedObjectNameException {
        return canInvoke(objectName, methodName + "(" + String.join(",", argumentTypes) + ")");
    }

    @Override
    public TabularData canInvoke(Map<String, List<String>> bulkQuery) throws MalformedObjectNameException, OpenDataException {
        TabularData table = new TabularDataSupport(CAN_INVOKE_TABULAR_TYPE);
        for (Map.Entry<String, List<String>> entry : bulkQuery.entrySet()) {
            if (entry.getValue().isEmpty()) {
                table.put(row(entry.getKey(), "", canInvoke(entry.getKey())));
            }
            for (String method : entry.getValue()) {
                table.put(row(entry.getKey(), method, canInvoke(entry.getKey(), method)));
            }
        }
        return table;
    }

    private static CompositeDataSupport row(String objectName, String method, boolean allowed) throws OpenDataException {
        return new CompositeDataSupport(CAN_INVOKE_RESULT_ROW_TYPE, CAN_INVOKE_RESULT_COLUMNS,
                new Object[] {objectName, method, allowed});
    }
}
