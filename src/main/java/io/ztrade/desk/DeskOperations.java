package io.ztrade.desk;

import io.ztrade.agent.AgentScheduler;
import io.ztrade.risk.ModeSetting;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;

import io.ztrade.agent.AgentActions;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Every management action on the desk, whoever asks (REST API, runs console, JMX/Hawtio): it is done, written to the
 * audit log, and, for the desk's mode, alerted ({@link DeskState}). Modes and pauses are stored, so they hold on
 * every node and across restarts. Anyone who may change a mode may tighten it; only an admin may loosen one (back to
 * ACTIVE is acknowledging a hold), or a local JMX client, which has the JVM's rights anyway.
 */
@Service
public class DeskOperations implements AgentActions {

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final DeskState desk;
    private final DeskStateStore store;
    private final AuditLog audit;

    DeskOperations(AgentCatalog catalog, AgentScheduler scheduler, DeskState desk, DeskStateStore store, AuditLog audit) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.desk = desk;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public String runNow(String agentId, boolean force) {
        AgentSettings agent = catalog.get(agentId);
        String runId = scheduler.runNow(agent.agentId(), RunTrigger.MANUAL, force);
        audit.record("RUN_NOW", agent.agentId(), "run " + runId + (force ? ", force=true (market hours ignored)" : ""));
        return runId;
    }

    @Override
    public void pause(String agentId) {
        AgentSettings agent = catalog.get(agentId);
        storing(() -> store.pause(agent.agentId(), user()));
        scheduler.pause(agent.agentId());
        audit.record("PAUSE", agent.agentId(), null);
    }

    @Override
    public void resume(String agentId) {
        AgentSettings agent = catalog.get(agentId);
        storing(() -> store.resume(agent.agentId()));
        scheduler.resume(agent.agentId());
        audit.record("RESUME", agent.agentId(), null);
    }

    /** The kill switch: the desk HALTED ({@code true}) or back to ACTIVE, for every agent at once. */
    public void killSwitch(boolean on) {
        TradingMode mode = on ? TradingMode.HALTED : TradingMode.ACTIVE;
        change(TradingHolds.DESK, mode, "kill switch " + (on ? "on" : "off"), "kill-switch",
                on ? "KILL_SWITCH_ON" : "KILL_SWITCH_OFF");
    }

    /** Whether the desk is HALTED now (also when its state cannot be read: then nothing trades). */
    public boolean killSwitchEngaged() {
        return desk.effective(TradingHolds.DESK).mode() == TradingMode.HALTED;
    }

    /**
     * Sets the mode of the desk ({@code scope} {@code desk}) or of one agent.
     *
     * @param mode   ACTIVE, REDUCE_ONLY or HALTED (any case)
     * @param reason why; required for REDUCE_ONLY and HALTED
     * @param source where the change came from ({@code api}, {@code jmx}, {@code cli})
     */
    public ModeSetting setMode(String scope, String mode, String reason, String source) {
        String target = TradingHolds.DESK.equals(scope) ? TradingHolds.DESK : catalog.get(scope).agentId();
        TradingMode wanted = parse(mode);
        if (wanted != TradingMode.ACTIVE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a reason is required to set " + describe(target) + " " + wanted
                    + " (it is shown in the console, the runs' records and the alert)");
        }
        change(target, wanted, reason, source, TradingHolds.DESK.equals(target) ? "DESK_MODE" : "AGENT_MODE");
        return stored(() -> desk.setting(target));
    }

    /** The stored setting of the desk or an agent; ACTIVE when never set. */
    public ModeSetting mode(String scope) {
        String target = TradingHolds.DESK.equals(scope) ? TradingHolds.DESK : catalog.get(scope).agentId();
        return stored(() -> desk.setting(target));
    }

    static TradingMode parse(String mode) {
        String name = mode == null ? "" : mode.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(TradingMode.values()).filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mode must be one of "
                        + Arrays.toString(TradingMode.values()) + ", got '" + mode + "'"));
    }

    /**
     * Tightening is every caller's; loosening (a less strict mode than the stored one) is an admin's. Checked first
     * for a clear refusal, then again in the write itself (a hold set in between is never loosened by an operator).
     */
    private void change(String scope, TradingMode wanted, String reason, String source, String action) {
        boolean admin = mayLoosen();
        TradingMode now = stored(() -> desk.setting(scope)).mode();
        if (!admin && wanted.compareTo(now) < 0
                || stored(() -> desk.set(scope, wanted, reason, source, user(), action, admin)).isEmpty()) {
            TradingMode stored = stored(() -> desk.setting(scope)).mode();
            throw new AccessDeniedException("only an admin may loosen " + describe(scope) + " from " + stored + " to " + wanted);
        }
    }

    private static boolean mayLoosen() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken) {
            // no HTTP request: a local JMX client (jconsole), who already holds the JVM
            return AuditLog.currentRequest() == null;
        }
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private static String user() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken ? "jmx" : user.getName();
    }

    private static String describe(String scope) {
        return TradingHolds.DESK.equals(scope) ? "the desk" : "agent " + scope;
    }

    /** A store that cannot be read or written is a 503 with what failed, not a 500. */
    private static <T> T stored(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DataAccessException e) {
            throw new IllegalStateException("the desk state cannot be read or written: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    private static void storing(Runnable action) {
        stored(() -> {
            action.run();
            return null;
        });
    }

    /** A dry run through the stages, recorded so the audit shows who called the providers. */
    @Override
    public void tested(String agentId, String step) {
        audit.record("TEST", agentId, step == null ? "all steps, no order" : "step " + step);
    }
}
