package io.ztrade.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every call into a plugin's step: on a thread of its own (daemon) with the plugin's class loader as context, so a
 * step that hangs is abandoned after {@code ztrade.plugins.timeout} (and interrupted) and one that throws, anything
 * an {@link Error} included, fails only its run, with the step named.
 */
final class PluginCalls {

    private final Duration timeout;
    private final ExecutorService threads;

    PluginCalls(Duration timeout) {
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ztrade-plugin-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    <T> T call(PluginStep step, Callable<T> call) {
        if (step.builtIn()) {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> result = threads.submit(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(step.step().getClass().getClassLoader());
            try {
                return call.call();
            } finally {
                thread.setContextClassLoader(before);
            }
        });
        T value;
        try {
            value = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new PluginFailedException(step.label() + " took longer than " + timeout.toMillis()
                    + " ms (ztrade.plugins.timeout)", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PluginFailedException(step.label() + " threw " + cause, cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailedException(step.label() + ": the run was interrupted while it ran", e);
        }
        if (value == null) {
            throw new PluginFailedException(step.label() + " returned null", null);
        }
        return value;
    }
}
