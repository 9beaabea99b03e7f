package io.ztrade.agent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * A pool whose tasks run with the MDC of the thread that handed them over, and leave none behind: a run's
 * analyses and its record carry the run's id ({@link RunLogs#RUN_ID}) onto the pool's threads, and a pool thread's
 * next task starts clean. A task the pool refuses (its queue full: caller runs) runs on the caller with its own MDC.
 */
public final class MdcExecutorService extends AbstractExecutorService {

    private final ExecutorService pool;

    MdcExecutorService(ExecutorService pool) {
        this.pool = pool;
    }

    /** The pool itself (Camel's, which it shuts down with the context): its queue and counts. */
    public ExecutorService pool() {
        return pool;
    }

    /** The pool behind a wrapped one, or the executor itself. */
    public static ExecutorService unwrap(ExecutorService executor) {
        return executor instanceof MdcExecutorService wrapped ? wrapped.pool : executor;
    }

    @Override
    public void execute(Runnable task) {
        Map<String, String> handedOver = MDC.getCopyOfContextMap();
        pool.execute(() -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (handedOver == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(handedOver);
            }
            try {
                task.run();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        });
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }

    @Override
    public String toString() {
        return pool.toString();
    }
}
