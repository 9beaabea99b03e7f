package io.ztrade.agent;

import io.ztrade.plugin.api.Step;
import io.ztrade.plugins.StepSource;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The scripted steps of {@code routes/}: beans of Camel's registry that implement the plugin API, e.g. a
 * {@code - beans:} entry with {@code scriptLanguage: groovy} (README "Write your own step"). Spring's own beans of
 * those types (Ztrade's built-in steps) are in the registry too; {@link io.ztrade.plugins.Plugins} knows them already.
 * Live reload swaps beans under the write lock, so a reader never sees an edit half bound.
 */
@Component
class ScriptedSteps implements StepSource {

    private final ObjectProvider<CamelContext> camel;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    ScriptedSteps(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    @Override
    public Map<String, Step> steps() {
        CamelContext context = camel.getIfAvailable();
        if (context == null) {
            return Map.of();
        }
        lock.readLock().lock();
        try {
            return Map.copyOf(context.getRegistry().findByTypeWithName(Step.class));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void replace(Runnable swap) {
        lock.writeLock().lock();
        try {
            swap.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
