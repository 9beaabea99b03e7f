package io.ztrade.management;

import io.ztrade.agent.AgentMXBean;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.agent.RunNow;
import io.ztrade.desk.DeskMXBean;
import io.ztrade.desk.DeskOperations;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.records.PerformanceStore;
import io.ztrade.records.RunRecord;
import io.ztrade.risk.TradingHolds;
import io.ztrade.routes.RoutesReloaded;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Registers an {@link AgentMXBean} per agent and the {@link DeskMXBean} in the platform MBean server once the app is
 * ready, under the domain {@code io.ztrade} and the Camel context's name (so several apps in one JVM do not clash).
 */
@Component
class OperationsMBeans implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsMBeans.class);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final DeskOperations desk;
    private final RunNow runNow;
    private final PerformanceStore store;
    private final CamelContext camel;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    // written by live reload's thread too
    private final List<ObjectName> registered = new CopyOnWriteArrayList<>();

    OperationsMBeans(AgentCatalog catalog, AgentScheduler scheduler, DeskOperations desk, RunNow runNow,
                     PerformanceStore store, CamelContext camel) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.desk = desk;
        this.runNow = runNow;
        this.store = store;
        this.camel = camel;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws JMException {
        String context = contextKey();
        for (AgentSettings agent : catalog.all()) {
            register(new StandardMBean(new AgentBean(agent.agentId()), AgentMXBean.class, true),
                    new ObjectName("io.ztrade:context=" + context + ",type=agents,name=" + agent.agentId()));
        }
        register(new StandardMBean(new DeskBean(), DeskMXBean.class, true), new ObjectName("io.ztrade:context=" + context
                + ",type=desk"));
    }

    /** Live reload (io.ztrade.routes): an added agent gets its MBean, a removed one loses it. */
    @EventListener
    void reloaded(RoutesReloaded reload) throws JMException {
        for (String id : reload.removed()) {
            ObjectName name = agentName(id);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            registered.remove(name);
        }
        for (String id : reload.added()) {
            if (catalog.find(id).isPresent()) {
                register(new StandardMBean(new AgentBean(id), AgentMXBean.class, true), agentName(id));
            }
        }
    }

    ObjectName agentName(String agentId) throws JMException {
        return new ObjectName("io.ztrade:context=" + contextKey() + ",type=agents,name=" + agentId);
    }

    /** The Camel context's name, quoted only when JMX needs it (names such as "ztrade" read better bare). */
    private String contextKey() {
        String name = camel.getName();
        return name.matches("[A-Za-z0-9_.-]+") ? name : ObjectName.quote(name);
    }

    private void register(Object bean, ObjectName name) throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(bean, name);
        registered.add(name);
    }

    @Override
    public void destroy() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("MBean {} already gone: {}", name, e.getMessage());
            }
        }
    }

    private final class AgentBean implements AgentMXBean {
        private final String agentId;

        AgentBean(String agentId) {
            this.agentId = agentId;
        }

        private AgentScheduler.Schedule schedule() {
            return scheduler.schedule(catalog.get(agentId));
        }

        private Optional<RunRecord> last() {
            return store.latest(agentId, 1).stream().findFirst();
        }

        @Override
        public String getSymbol() {
            return catalog.get(agentId).symbol();
        }

        @Override
        public String getCron() {
            return catalog.get(agentId).cron();
        }

        @Override
        public String getNextFireTime() {
            return Objects.toString(schedule().nextFireTime(), null);
        }

        @Override
        public boolean isPaused() {
            return schedule().paused();
        }

        @Override
        public String getLastDecision() {
            return store.latest(agentId, 50).stream().filter(r -> r.decision() != null).findFirst()
                    .map(r -> String.format(Locale.ROOT, "%s (score %+.3f) at %s", r.decision(),
                            r.decisionScore() == null ? 0.0 : r.decisionScore(), r.startedAt()))
                    .orElse(null);
        }

        @Override
        public String getLastStatus() {
            return last().map(RunRecord::status).orElse(null);
        }

        @Override
        public String getLastRunAt() {
            return last().map(r -> r.startedAt().toString()).orElse(null);
        }

        @Override
        public int getOrdersToday() {
            Instant midnight = LocalDate.now(NEW_YORK).atStartOfDay(NEW_YORK).toInstant();
            return store.ordersSince(agentId, midnight);
        }

        @Override
        public String runNow() {
            return run(false);
        }

        @Override
        public String runNowForced() {
            return run(true);
        }

        /** The API's answer: a started run's line, else the 409's message as the operation's error. */
        private String run(boolean force) {
            RunNow.Answer answer = runNow.request(agentId, force);
            if (answer instanceof RunNow.NotStarted not) {
                throw new IllegalStateException(not.outcome() + ": " + not.message());
            }
            return answer.message();
        }

        @Override
        public void pause() {
            desk.pause(agentId);
        }

        @Override
        public void resume() {
            desk.resume(agentId);
        }

        @Override
        public String getMode() {
            return desk.mode(agentId).mode().name();
        }

        @Override
        public String getModeReason() {
            return desk.mode(agentId).describe();
        }

        @Override
        public void setMode(String mode, String reason) {
            desk.setMode(agentId, mode, reason, "jmx");
        }
    }

    private final class DeskBean implements DeskMXBean {
        @Override
        public boolean isKillSwitchEngaged() {
            return desk.killSwitchEngaged();
        }

        @Override
        public void killSwitch(String onOrOff) {
            String state = onOrOff == null ? "" : onOrOff.trim().toLowerCase(Locale.ROOT);
            if (!state.equals("on") && !state.equals("off")) {
                throw new IllegalArgumentException("kill switch state must be 'on' or 'off', got '" + onOrOff + "'");
            }
            desk.killSwitch(state.equals("on"));
        }

        @Override
        public String getMode() {
            return desk.mode(TradingHolds.DESK).mode().name();
        }

        @Override
        public String getModeReason() {
            return desk.mode(TradingHolds.DESK).describe();
        }

        @Override
        public void setMode(String mode, String reason) {
            desk.setMode(TradingHolds.DESK, mode, reason, "jmx");
        }
    }
}
