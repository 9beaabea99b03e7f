package io.ztrade.management;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.alert.Alerts;
import io.ztrade.risk.KillSwitch;
import org.springframework.stereotype.Service;

/**
 * Every management action on the desk, whoever asks (REST API, runs console, JMX/Hawtio): it is done, written to the
 * audit log, and, for the kill switch, alerted.
 */
@Service
public class DeskOperations {

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final KillSwitch killSwitch;
    private final AuditLog audit;
    private final Alerts alerts;

    DeskOperations(AgentCatalog catalog, AgentScheduler scheduler, KillSwitch killSwitch, AuditLog audit, Alerts alerts) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.killSwitch = killSwitch;
        this.audit = audit;
        this.alerts = alerts;
    }

    public void runNow(String agentId, boolean force) {
        AgentSettings agent = catalog.get(agentId);
        scheduler.runNow(agent.agentId(), RunTrigger.MANUAL, force);
        audit.record("RUN_NOW", agent.agentId(), force ? "force=true (market hours ignored)" : null);
    }

    public void pause(String agentId) {
        AgentSettings agent = catalog.get(agentId);
        scheduler.pause(agent.agentId());
        audit.record("PAUSE", agent.agentId(), null);
    }

    public void resume(String agentId) {
        AgentSettings agent = catalog.get(agentId);
        scheduler.resume(agent.agentId());
        audit.record("RESUME", agent.agentId(), null);
    }

    /** Turns order placement off ({@code true}) or back on, for every agent at once. */
    public void killSwitch(boolean on) {
        boolean was = killSwitch.engaged();
        killSwitch.set(on);
        audit.record(on ? "KILL_SWITCH_ON" : "KILL_SWITCH_OFF", "desk", was == on ? "already " + (on ? "on" : "off") : null);
        if (was != on) {
            alerts.killSwitchFlipped(on);
        }
    }

    public boolean killSwitchEngaged() {
        return killSwitch.engaged();
    }

    /** A dry run through the stages, recorded so the audit shows who called the providers. */
    public void tested(String agentId, String step) {
        audit.record("TEST", agentId, step == null ? "all steps, no order" : "step " + step);
    }
}
