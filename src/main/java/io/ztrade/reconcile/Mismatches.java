package io.ztrade.reconcile;

import io.ztrade.alert.Alerts;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A difference the records do not explain: recorded as an issue, alerted, and (a position, when
 * {@code ztrade.reconcile.pause-on-mismatch}) the agents it concerns held until an operator looks. An issue still open
 * from an earlier pass is neither alerted nor held again.
 */
@Component
class Mismatches {

    static final String SOURCE = "reconciliation";

    private final ReconcileIssues issues;
    private final Alerts alerts;
    private final TradingHolds holds;
    private final ReconcileProperties properties;

    Mismatches(ReconcileIssues issues, Alerts alerts, TradingHolds holds, ReconcileProperties properties) {
        this.issues = issues;
        this.alerts = alerts;
        this.holds = holds;
        this.properties = properties;
    }

    void found(ReconcileReport.Builder pass, String kind, Collection<String> agentIds, String symbol, String clientOrderId,
               BigDecimal brokerQty, BigDecimal recordsQty, String detail, boolean holdAgents, Instant at) {
        String agents = agentIds.isEmpty() ? null : String.join(",", agentIds);
        Optional<ReconcileIssue> raised = issues.raise(kind, agents, symbol, clientOrderId, brokerQty, recordsQty, detail, at);
        if (raised.isEmpty()) {
            return;
        }
        pass.issues.add(raised.get());
        boolean hold = holdAgents && properties.pauseOnMismatch();
        alerts.raise("reconcile-" + kind.toLowerCase(java.util.Locale.ROOT) + "-" + (symbol == null ? clientOrderId : symbol),
                "Ztrade: reconciliation " + kind + (symbol == null ? "" : " " + symbol),
                detail + (hold ? "\nHeld (HALTED) until an operator looks: " + agents : "")
                        + "\nSee GET /api/reconcile/issues and acknowledge with POST /api/reconcile/issues/"
                        + raised.get().id() + "/acknowledge.");
        if (hold) {
            for (String agentId : agentIds) {
                holds.hold(agentId, TradingMode.HALTED, "reconciliation issue " + raised.get().id() + ": " + detail, SOURCE);
            }
        }
    }
}
