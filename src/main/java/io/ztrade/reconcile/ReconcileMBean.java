package io.ztrade.reconcile;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the {@link ReconcileMXBean} beside the desk's MBeans, under the Camel context's name. The MXBean is an
 * inner object, not this bean: Spring's own JMX export would register a bean that is an MXBean a second time.
 */
@Component
class ReconcileMBean implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileMBean.class);

    private final ReconcileOperations operations;
    private final CamelContext camel;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private ObjectName name;

    ReconcileMBean(ReconcileOperations operations, CamelContext camel) {
        this.operations = operations;
        this.camel = camel;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws JMException {
        String context = camel.getName().matches("[A-Za-z0-9_.-]+") ? camel.getName() : ObjectName.quote(camel.getName());
        name = new ObjectName("io.ztrade:context=" + context + ",type=reconciliation");
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(new Operations(), ReconcileMXBean.class, true), name);
    }

    private final class Operations implements ReconcileMXBean {

        @Override
        public String getLastPass() {
            ReconcileReport last = operations.last();
            return last == null ? null : last.outcome() + " at " + last.finishedAt() + (last.error() == null ? "" : ": " + last.error());
        }

        @Override
        public int getOpenIssues() {
            return operations.openIssues().size();
        }

        @Override
        public String reconcile() {
            ReconcileReport report = operations.runNow("jmx");
            return report.outcome() + " in " + report.took().toMillis() + " ms: " + report.actions().size()
                    + " records completed or created, " + report.issues().size() + " new issues, " + report.external().size()
                    + " external orders" + (report.error() == null ? "" : "; " + report.error());
        }

        @Override
        public String acknowledge(long issueId) {
            ReconcileIssue issue = operations.acknowledge(issueId);
            return "issue " + issue.id() + " acknowledged by " + issue.acknowledgedBy() + " at " + issue.acknowledgedAt();
        }
    }

    @Override
    public void destroy() {
        try {
            if (name != null && server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.debug("MBean {} already gone: {}", name, e.getMessage());
        }
    }
}
