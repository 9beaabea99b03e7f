package io.ztrade.desk;

import io.ztrade.alert.Alerts;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.EffectiveMode;
import io.ztrade.risk.ModeSetting;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The desk's and each agent's trading mode, kept in the records database ({@link DeskStateStore}) that every node
 * shares, so a change on one node is obeyed on all of them within {@code ztrade.desk.cache-ttl} and survives a
 * restart. Fails safe: when the modes cannot be read, every agent is HALTED and the reason says why. Every change
 * is audited; a change of the desk's mode and every automatic hold is alerted.
 */
@Service
@EnableConfigurationProperties(DeskProperties.class)
public class DeskState implements DeskModes, TradingHolds {

    private static final Logger LOG = LoggerFactory.getLogger(DeskState.class);
    /** The scope named when the store itself decided (it could not be read). */
    public static final String STORE_SCOPE = TradingHolds.STORE_SCOPE;

    private final DeskStateStore store;
    private final long ttlNanos;
    private final AuditLog audit;
    private final Alerts alerts;
    private final Clock clock;
    private final Object reading = new Object();
    private volatile Snapshot snapshot;

    /** The modes as read at {@code readAt} (System.nanoTime), or why they could not be read. */
    private record Snapshot(Map<String, ModeSetting> modes, String error, long readAt) {
    }

    @Autowired
    DeskState(DeskStateStore store, DeskProperties properties, AuditLog audit, Alerts alerts) {
        this(store, properties, audit, alerts, Clock.systemUTC());
    }

    DeskState(DeskStateStore store, DeskProperties properties, AuditLog audit, Alerts alerts, Clock clock) {
        this.store = store;
        this.ttlNanos = properties.cacheTtl().toNanos();
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public EffectiveMode effective(String agentId) {
        Snapshot now = current();
        if (now.error() != null) {
            return new EffectiveMode(TradingMode.HALTED, unreadable(now.error()));
        }
        return EffectiveMode.of(setting(now, DESK), setting(now, agentId));
    }

    /** Every stored setting, read now (not cached); throws when the store cannot be read. */
    public Map<String, ModeSetting> settings() {
        return store.modes();
    }

    /** A scope's setting, read now; ACTIVE when nothing was stored. Throws when the store cannot be read. */
    public ModeSetting setting(String scope) {
        return store.modes().getOrDefault(scope, ModeSetting.active(scope));
    }

    /**
     * Sets the scope's mode, audited as {@code action}.
     *
     * @param mayLoosen whether the user may loosen (an admin); if not, the mode is set only when the stored one is not
     *                  stricter, checked in the same statement
     * @return the setting it replaced, or empty when it was not set because the stored mode is stricter
     */
    public Optional<ModeSetting> set(String scope, TradingMode mode, String reason, String source, String user,
                                     String action, boolean mayLoosen) {
        ModeSetting before = setting(scope);
        ModeSetting after = new ModeSetting(scope, mode, blankToNull(reason), AuditLog.escape(source), AuditLog.escape(user),
                clock.instant());
        if (mayLoosen) {
            store.set(after);
        } else if (!store.setUnlessStricter(after)) {
            return Optional.empty();
        }
        snapshot = null;
        boolean changed = before.mode() != mode;
        audit.record(action, scope, mode + (changed ? " (was " + before.mode() + ")" : " (unchanged)")
                + (after.reason() == null ? "" : ": " + after.reason()));
        LOG.warn("{}", after.describe());
        if (changed && DESK.equals(scope)) {
            deskAlert(before.mode(), after);
        }
        return Optional.of(before);
    }

    @Override
    public void hold(String scope, TradingMode mode, String reason, String source) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        ModeSetting held = new ModeSetting(scope, mode, blankToNull(reason), AuditLog.escape(source), "system", clock.instant());
        if (!store.tighten(held)) {
            LOG.info("{} {} by {} not applied: already as strict ({})", AuditLog.escape(scope), mode, held.source(), held.reason());
            snapshot = null;
            ModeSetting stored = store.modes().get(scope);
            if (stored != null && stored.mode() == mode) {
                // as strict as the stored hold: the source joined it (DeskStateStore.tighten), so its own release
                // alone no longer lifts it
                audit.recordAttempt(source, "system", "HOLD", scope, mode + " (already so, joined): " + held.reason());
            }
            return;
        }
        snapshot = null;
        audit.recordAttempt(source, "system", "HOLD", scope, mode + ": " + held.reason());
        LOG.warn("{}", held.describe());
        if (DESK.equals(scope)) {
            deskAlert(TradingMode.ACTIVE, held);
        } else {
            alerts.raise("agent-hold-" + scope, "Ztrade: " + scope + " " + mode, held.describe()
                    + "\nAn admin lifts it with bin/ztrade mode " + scope + " ACTIVE \"<why>\" once it is understood.");
        }
    }

    @Override
    public boolean release(String scope, String source, String reason, String by) {
        ModeSetting active = new ModeSetting(scope, TradingMode.ACTIVE, blankToNull(reason), AuditLog.escape(source),
                AuditLog.escape(by), clock.instant());
        if (!store.releaseIfSetBy(AuditLog.escape(source), active)) {
            return false;
        }
        snapshot = null;
        audit.recordAttempt(by, source, "RELEASE", scope, "ACTIVE: " + active.reason());
        LOG.warn("{}", active.describe());
        if (DESK.equals(scope)) {
            deskAlert(TradingMode.HALTED, active);
        }
        return true;
    }

    private void deskAlert(TradingMode before, ModeSetting after) {
        String text = after.describe();
        switch (after.mode()) {
            case HALTED -> alerts.raise("kill-switch-on", "Ztrade: kill switch ON",
                    "The kill switch is ON: no agent places an order until an admin turns it off. " + text);
            case REDUCE_ONLY -> alerts.raise("desk-reduce-only", "Ztrade: desk REDUCE_ONLY",
                    "The desk is REDUCE_ONLY: agents only shrink open positions. " + text);
            case ACTIVE -> alerts.raise("kill-switch-off", "Ztrade: kill switch OFF",
                    "The desk is ACTIVE again (was " + before + "): agents place orders again. " + text);
        }
    }

    /** The cached modes, read again once older than the TTL; one thread reads while the others wait for it. */
    private Snapshot current() {
        Snapshot cached = snapshot;
        if (fresh(cached)) {
            return cached;
        }
        synchronized (reading) {
            cached = snapshot;
            if (fresh(cached)) {
                return cached;
            }
            Snapshot read;
            try {
                read = new Snapshot(store.modes(), null, System.nanoTime());
            } catch (RuntimeException e) {
                LOG.error("Desk state cannot be read, every agent is HALTED until it can: {}", e.toString());
                read = new Snapshot(Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage(), System.nanoTime());
            }
            snapshot = read;
            return read;
        }
    }

    private boolean fresh(Snapshot cached) {
        return cached != null && System.nanoTime() - cached.readAt() < ttlNanos;
    }

    private static ModeSetting setting(Snapshot snapshot, String scope) {
        return snapshot.modes().getOrDefault(scope, ModeSetting.active(scope));
    }

    private ModeSetting unreadable(String error) {
        return new ModeSetting(STORE_SCOPE, TradingMode.HALTED, "the desk state cannot be read (" + error
                + "): no order until the records database answers", "fail-safe", "system", Instant.now(clock));
    }

    /** The reason as stored and shown: stripped, control characters escaped (it reaches logs, alerts, the console). */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : AuditLog.escape(text.strip());
    }
}
