package io.ztrade.reconcile;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation of the records with the broker ({@code ztrade.reconcile.*}).
 *
 * @param enabled           run at start-up and every {@code interval} (defaults to true); on demand it always runs
 * @param interval          the wait between two passes (defaults to 1 minute)
 * @param lookBack          how far back the broker's orders are listed for orders no record names (defaults to 7 days)
 * @param pauseOnMismatch   hold (HALTED) every agent a position mismatch concerns until an operator looks
 *                          (defaults to true)
 * @param intentGrace       how long an intent without a run record and without an order at the broker may still be
 *                          on its way (a run retrying on another node) before it is recorded FAILED "never reached the
 *                          broker"; longer than a run's retries take (defaults to 5 minutes)
 * @param positionTolerance the relative difference between the broker's position and the records' fills taken as
 *                          equal: Alpaca takes crypto fees in the coin bought, up to 0.25% (defaults to 0.005)
 * @param leaseTtl          how long one node holds the cluster's reconciliation lease; a node that dies mid-pass
 *                          frees it after this (defaults to 5 minutes)
 * @param startupWait       how long the first order after start-up waits for the start-up pass (defaults to 60 s)
 */
@ConfigurationProperties("ztrade.reconcile")
public record ReconcileProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("7d") Duration lookBack,
        @DefaultValue("true") boolean pauseOnMismatch,
        @DefaultValue("5m") Duration intentGrace,
        @DefaultValue("0.005") BigDecimal positionTolerance,
        @DefaultValue("5m") Duration leaseTtl,
        @DefaultValue("60s") Duration startupWait) {

    public ReconcileProperties {
        if (interval.isNegative() || interval.isZero() || lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException("ztrade.reconcile.interval and look-back must be > 0, got " + interval
                    + " and " + lookBack);
        }
        if (intentGrace.isNegative() || leaseTtl.isNegative() || leaseTtl.isZero() || startupWait.isNegative()) {
            throw new IllegalArgumentException("ztrade.reconcile.intent-grace and startup-wait must be >= 0 and lease-ttl > 0,"
                    + " got " + intentGrace + ", " + startupWait + " and " + leaseTtl);
        }
        if (positionTolerance.signum() < 0 || positionTolerance.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("ztrade.reconcile.position-tolerance must be in [0, 1), got "
                    + positionTolerance);
        }
    }
}
