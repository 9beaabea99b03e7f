package io.ztrade.routes;

import io.ztrade.agent.RoutesValidator;
import io.ztrade.agent.RoutesValidator.Problem;
import io.ztrade.routes.RoutesFiles.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One reload of the route directory: validate every file (the validator of start-up and {@code bin/ztrade validate});
 * if anything is wrong, change nothing and show the problems; else apply only what differs from the files that run
 * (see {@link RoutesChange}, {@link RoutesApplier}, {@link ScriptedStepBeans}). A change Camel refuses halfway is
 * rolled back to the last good files and shown the same way.
 */
final class RoutesReloader {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesReloader.class);

    private final CamelContext camel;
    private final Path directory;
    private final String glob;
    private final RoutesStatus status;
    private final RoutesApplier applier;
    private final ScriptedStepBeans beans;
    private final ApplicationEventPublisher events;
    private RoutesFiles applied = RoutesFiles.empty();
    private RouteDefinitions appliedDefinitions;

    RoutesReloader(CamelContext camel, Path directory, String glob, RoutesStatus status, RoutesApplier applier,
                   ScriptedStepBeans beans, ApplicationEventPublisher events) {
        this.camel = camel;
        this.directory = directory;
        this.glob = glob;
        this.status = status;
        this.applier = applier;
        this.beans = beans;
        this.events = events;
    }

    Path directory() {
        return directory;
    }

    String glob() {
        return glob;
    }

    /** The files as start-up loaded them: what later edits are compared with. */
    synchronized void baseline() throws Exception {
        applied = RoutesFiles.read(directory, glob);
        appliedDefinitions = RouteDefinitions.load(camel, applied.files());
        status.watching(directory, Instant.now());
    }

    synchronized void reload() {
        Instant at = Instant.now();
        List<Problem> problems = validate();
        if (!problems.isEmpty()) {
            refuse(at, problems);
            return;
        }
        RoutesFiles next;
        RouteDefinitions nextDefinitions;
        RoutesChange change;
        ScriptedStepBeans.Staged staged;
        try {
            next = RoutesFiles.read(directory, glob);
            change = RoutesChange.between(applied, next);
            if (!change.needRestart().isEmpty()) {
                refuse(at, change.needRestart().stream().map(RoutesReloader::needsRestart).toList());
                return;
            }
            if (change.isEmpty()) {
                status.applied(at, null);
                return;
            }
            // the new scripted steps made and checked, and the agents left alone checked against them: bound nowhere yet
            staged = beans.stage(change, applied, next);
            if (!staged.problems().isEmpty()) {
                refuse(at, staged.problems());
                return;
            }
            nextDefinitions = RouteDefinitions.load(camel, next.files());
        } catch (Exception e) {
            refuse(at, List.of(new Problem(directory, 0, "cannot read the route files: " + rootMessage(e))));
            return;
        }
        try {
            // the steps first: an agent the edit adds or changes is checked against them as Camel adds its route
            beans.bind(staged);
            applier.apply(change, nextDefinitions);
        } catch (Exception e) {
            LOG.error("Routes reload failed, putting back the last good routes: {}", e.toString());
            applier.restore(change, appliedDefinitions);
            beans.restore();
            refuse(at, List.of(failed(change, next, e)));
            return;
        }
        applied = next;
        appliedDefinitions = nextDefinitions;
        status.applied(at, change);
        LOG.info("Routes reloaded from {}: {}", directory, change);
        events.publishEvent(new RoutesReloaded(change.added(), change.changed(), change.removed()));
    }

    private List<Problem> validate() {
        try {
            return RoutesValidator.validate(directory).problems();
        } catch (IOException | RuntimeException e) {
            return List.of(new Problem(directory, 0, "cannot validate the route files: " + rootMessage(e)));
        }
    }

    private void refuse(Instant at, List<Problem> problems) {
        status.broken(at, problems);
        problems.forEach(p -> LOG.warn("Routes not reloaded (the agents run on the last good routes): {}", p));
    }

    private static Problem needsRestart(Item item) {
        if (RoutesFiles.BEANS.equals(item.kind())) {
            return new Problem(item.file(), item.line(), "beans " + item.id() + ": live reload rebinds only scripted"
                    + " steps (a scriptLanguage, a script and a type of io.ztrade.plugin.api: Strategy, SentimentFeed,"
                    + " DecisionRule or RiskRule); the routes built with another bean keep it, so a change of beans"
                    + " like this one needs a restart");
        }
        return new Problem(item.file(), item.line(), item.kind() + " " + item.id() + ": live reload applies "
                + String.join(", ", RoutesFiles.RELOADABLE) + " and scripted steps' beans; a change of " + item.kind()
                + " needs a restart");
    }

    /** The failure, at the changed template or route configuration if any, else at the first route it concerns. */
    private static Problem failed(RoutesChange change, RoutesFiles next, Exception e) {
        Item item = next.items().values().stream()
                .filter(i -> i.kind().equals("routeTemplate") && change.templates().contains(i.id())
                        || i.kind().equals("routeConfiguration") && change.configurations().contains(i.id()))
                .findFirst()
                .orElse(change.toAdd().stream()
                        .flatMap(id -> next.items().values().stream().filter(i -> id.equals(i.id())))
                        .findFirst().orElse(null));
        String message = "not applied, the last good routes run again: " + rootMessage(e);
        return item == null ? new Problem(next.files().isEmpty() ? Path.of("") : next.files().get(0), 0, message)
                : new Problem(item.file(), item.line(), item.kind() + " " + item.id() + ": " + message);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
