package io.ztrade.routes;

import io.ztrade.agent.RoutesValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where live reload of the route files stands, for the {@code routes} health component, {@code GET /api/routes} and
 * the console's banner: OFF (no live reload), APPLIED (the files on disk are what runs) or BROKEN (the last edit was
 * refused: the agents run on the last routes that were applied, and each problem names file and line).
 */
@Component
public class RoutesStatus {

    public enum State { OFF, APPLIED, BROKEN }

    /** One problem of the files on disk, as {@code bin/ztrade validate} prints it in {@code text}. */
    public record Problem(String file, int line, String message, String text) {
    }

    /**
     * What the last reload that applied anything did, by route id.
     *
     * @param beans the scripted steps' beans it bound, rebound or unbound, by bean name
     */
    public record Change(Instant at, List<String> added, List<String> changed, List<String> removed,
                         List<String> beans) {
    }

    /**
     * @param checks    how many times the files were read since start-up (a test or a script waits on it)
     * @param appliedAt when the routes that run were last read, at start-up or by a reload
     */
    public record View(State state, String directory, long checks, Instant checkedAt, Instant appliedAt,
                       List<Problem> problems, Change lastChange) {
    }

    private volatile View view = new View(State.OFF, null, 0, null, null, List.of(), null);

    public View view() {
        return view;
    }

    synchronized void watching(Path directory, Instant at) {
        view = new View(State.APPLIED, display(directory), 0, at, at, List.of(), null);
    }

    /** The files were read and are what runs now (change: what this reload did, null when it did nothing). */
    synchronized void applied(Instant at, RoutesChange change) {
        Change last = change == null ? view.lastChange() : new Change(at, List.copyOf(change.added()),
                List.copyOf(change.changed()), List.copyOf(change.removed()), List.copyOf(change.beans()));
        Instant appliedAt = change == null && view.state() == State.APPLIED ? view.appliedAt() : at;
        view = new View(State.APPLIED, view.directory(), view.checks() + 1, at, appliedAt, List.of(), last);
    }

    /** The files were refused: nothing changed. */
    synchronized void broken(Instant at, List<RoutesValidator.Problem> problems) {
        List<Problem> shown = problems.stream().map(p -> {
            String file = display(p.file());
            return new Problem(file, p.line(), p.message(), file + ":" + p.line() + ": " + p.message());
        }).toList();
        view = new View(State.BROKEN, view.directory(), view.checks() + 1, at, view.appliedAt(), shown, view.lastChange());
    }

    /** Relative to the working directory when inside it (routes/agents.yaml), else as it is. */
    static String display(Path file) {
        if (file == null) {
            return "";
        }
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
