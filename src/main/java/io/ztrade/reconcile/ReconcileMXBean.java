package io.ztrade.reconcile;

/** Reconciliation in JMX ({@code io.ztrade:context=<name>,type=reconciliation}): a pass for operators, acks for admins. */
public interface ReconcileMXBean {

    /** RECONCILED, SKIPPED or FAILED, and when; null before the first pass. */
    String getLastPass();

    int getOpenIssues();

    /** Runs a pass now and says what it did. */
    String reconcile();

    /** Acknowledges one issue by its id. */
    String acknowledge(long issueId);
}
