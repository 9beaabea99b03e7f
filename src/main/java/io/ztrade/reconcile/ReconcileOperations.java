package io.ztrade.reconcile;

import io.ztrade.risk.TradingHolds;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.ztrade.desk.AuditLog;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Reconciliation on demand and the acknowledgement of its issues, whoever asks (API, CLI, console, JMX); audited. */
@Service
public class ReconcileOperations {

    private final Reconciler reconciler;
    private final ReconcileIssues issues;
    private final AuditLog audit;
    private final TradingHolds holds;

    ReconcileOperations(Reconciler reconciler, ReconcileIssues issues, AuditLog audit, TradingHolds holds) {
        this.reconciler = reconciler;
        this.issues = issues;
        this.audit = audit;
        this.holds = holds;
    }

    public ReconcileReport runNow(String source) {
        ReconcileReport report = reconciler.reconcile(source);
        audit.record("RECONCILE", "desk", report.outcome() + ": " + report.actions().size() + " records completed or created, "
                + report.issues().size() + " new issues");
        return report;
    }

    public List<ReconcileIssue> openIssues() {
        return issues.open();
    }

    public List<ReconcileIssue> latestIssues(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        return issues.latest(limit);
    }

    /**
     * Marks the issue seen. For a position, the difference it names becomes part of what the records are expected to
     * add up to. The agents it held stay held until they are resumed on the desk.
     *
     * @throws UnknownIssueException when there is no such issue
     */
    public ReconcileIssue acknowledge(long id) {
        ReconcileIssue issue = issues.find(id).orElseThrow(() -> new UnknownIssueException(id));
        boolean changed = issues.acknowledge(id, currentUser(), Instant.now());
        audit.record("RECONCILE_ACK", issue.agentId() == null ? "desk" : issue.agentId(),
                "issue " + id + " " + issue.kind() + (changed ? "" : " (already acknowledged)") + ": " + issue.detail());
        releaseHoldsOf(issue);
        return issues.find(id).orElseThrow();
    }

    /**
     * An agent reconciliation held trades again once no open issue names it; a hold an operator or a protection set
     * since then is theirs and stays.
     */
    private void releaseHoldsOf(ReconcileIssue issue) {
        if (issue.agentId() == null) {
            return;
        }
        Set<String> stillOpen = issues.open().stream().map(ReconcileIssue::agentId).filter(Objects::nonNull)
                .flatMap(agents -> Arrays.stream(agents.split(","))).collect(Collectors.toSet());
        for (String agentId : issue.agentId().split(",")) {
            if (!stillOpen.contains(agentId)) {
                holds.release(agentId, Mismatches.SOURCE, "reconciliation issue " + issue.id() + " acknowledged",
                        currentUser());
            }
        }
    }

    public ReconcileReport last() {
        return reconciler.last();
    }

    public ReconcileReport lastReconciled() {
        return reconciler.lastReconciled();
    }

    private static String currentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken ? "jmx" : user.getName();
    }

    /** 404 in the API. */
    public static class UnknownIssueException extends RuntimeException {
        UnknownIssueException(long id) {
            super("no reconciliation issue " + id + "; see GET /api/reconcile/issues");
        }
    }
}
