package io.ztrade.reconcile;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the first orders after start-up until the start-up reconciliation has looked at the broker (as NautilusTrader
 * trades only on a reconciled state), at most {@code ztrade.reconcile.startup-wait}; open at once when reconciliation is
 * off. A failed start-up pass opens it too: the broker is then unreachable, and so is ordering.
 */
@Component
class StartupGate {

    private static final Logger LOG = LoggerFactory.getLogger(StartupGate.class);

    private final CountDownLatch firstPass;
    private final ReconcileProperties properties;

    StartupGate(ReconcileProperties properties) {
        this.properties = properties;
        this.firstPass = new CountDownLatch(properties.enabled() ? 1 : 0);
    }

    void open() {
        firstPass.countDown();
    }

    boolean isOpen() {
        return firstPass.getCount() == 0;
    }

    void awaitFirstPass() {
        if (isOpen()) {
            return;
        }
        try {
            if (!firstPass.await(properties.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("start-up reconciliation not done after {}; the order goes ahead", properties.startupWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the start-up reconciliation", e);
        }
    }
}
