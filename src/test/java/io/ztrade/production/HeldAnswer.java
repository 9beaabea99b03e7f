package io.ztrade.production;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A WireMock transformer that holds the answer of the first request of the stubs naming it ({@link #NAME}) until the
 * test releases it, so a run stays in its step for as long as the test needs, on whichever node it runs; requests
 * after that are answered at once until {@link #arm} holds the next one again.
 */
final class HeldAnswer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "held-answer";

    private final AtomicBoolean armed = new AtomicBoolean(true);
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        CountDownLatch release = released;
        if (armed.compareAndSet(true, false)) {
            reached.countDown();
            try {
                // bounded, so a failed test's node is not held forever
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return event.getResponseDefinition();
    }

    /** Whether a request reached the hold within the timeout. */
    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        released.countDown();
    }

    /** Holds the next request (after the one held before was released). */
    void arm() {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        armed.set(true);
    }
}
