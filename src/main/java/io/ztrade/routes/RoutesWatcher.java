package io.ztrade.routes;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Watches the route directory from the moment the app is ready (every route started) until it closes, and hands
 * each edit of a route file to the {@link RoutesReloader} once the directory has been quiet for the quiet period.
 * It replaces Camel's own route reload, which removes every route and trigger on each edit (issue #13).
 */
final class RoutesWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesWatcher.class);

    private final RoutesReloader reloader;
    private final Duration quietPeriod;
    private final PathMatcher routeFiles;
    private WatchService watch;
    private Thread thread;

    RoutesWatcher(RoutesReloader reloader, Duration quietPeriod) {
        this.reloader = reloader;
        this.quietPeriod = quietPeriod;
        this.routeFiles = FileSystems.getDefault().getPathMatcher("glob:" + reloader.glob());
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() throws Exception {
        if (watch != null) {
            return;
        }
        watch = FileSystems.getDefault().newWatchService();
        // registered before the baseline is read, so an edit in between is seen
        reloader.directory().register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        reloader.baseline();
        thread = new Thread(this::watch, "ztrade-routes-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Live reload of {}/{}: each valid edit changes only the agents it touches", reloader.directory(),
                reloader.glob());
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() throws Exception {
        if (watch != null) {
            watch.close();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void watch() {
        try {
            while (true) {
                boolean edited = routeFileEvents(watch.take());
                WatchKey more;
                while ((more = watch.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    edited |= routeFileEvents(more);
                }
                if (edited) {
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void reload() {
        try {
            reloader.reload();
        } catch (RuntimeException e) {
            LOG.error("Routes reload failed", e);
        }
    }

    private boolean routeFileEvents(WatchKey key) {
        boolean edited = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            edited |= event.kind() == OVERFLOW
                    || event.context() instanceof Path name && routeFiles.matches(name.getFileName());
        }
        if (!key.reset()) {
            LOG.warn("Live reload stopped: {} is no longer a directory", reloader.directory());
        }
        return edited;
    }
}
