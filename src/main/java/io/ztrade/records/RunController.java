package io.ztrade.records;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.InFlightRuns;
import io.ztrade.agent.NotFoundException;
import io.ztrade.agent.PlainText;
import io.ztrade.agent.RunLogLine;
import io.ztrade.agent.RunLogs;
import io.ztrade.agent.TemplateSteps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The performance records, newest first; one run, also while it is going on (status QUEUED or RUNNING, so a run
 * started now is found under its id at once); a run's own log. JSON, or tables for people ({@link PlainText}).
 */
@RestController
@RequestMapping("/api/runs")
class RunController {

    static final int MAX_LIMIT = 1000;

    private final PerformanceStore store;
    private final AgentCatalog catalog;
    private final InFlightRuns inFlight;
    private final RunLogs logs;
    private final CamelContext camel;

    RunController(PerformanceStore store, AgentCatalog catalog, InFlightRuns inFlight, RunLogs logs, CamelContext camel) {
        this.store = store;
        this.catalog = catalog;
        this.inFlight = inFlight;
        this.logs = logs;
        this.camel = camel;
    }

    /**
     * @param at only the runs that had started by then (newest first: with limit=1, the run under way or last ended
     *           at that time): an instant ({@code 2026-12-03T14:35:00Z}), or a New York date-time or date
     *           ({@code 2026-12-03T09:35}, {@code 2026-12-03}: the end of that day)
     */
    @GetMapping
    ResponseEntity<?> runs(@RequestParam(required = false) String agent, @RequestParam(defaultValue = "50") int limit,
                           @RequestParam(required = false) String at,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        String agentId = null;
        if (agent != null && !agent.isBlank()) {
            agentId = catalog.get(agent).agentId();
        }
        List<RunRecord> runs = at == null || at.isBlank() ? store.latest(agentId, limit)
                : store.startedBy(agentId, time(at), limit);
        return PlainText.wanted(accept) ? PlainText.answer(table(runs)) : ResponseEntity.ok(runs);
    }

    @GetMapping("/{runId}")
    ResponseEntity<?> run(@PathVariable String runId,
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RunRecord run = find(runId).orElseThrow(() -> new RunNotFoundException(runId));
        return PlainText.wanted(accept) ? PlainText.answer(details(run)) : ResponseEntity.ok(run);
    }

    /**
     * A run's log: what was logged while it went on, on whichever thread, with the step it was in; live while the run
     * goes on here.
     *
     * @param running whether the run is still going on (the log may grow)
     */
    record RunLog(String runId, String agentId, String status, boolean running, List<RunLogLine> lines) {
    }

    /** @param step only the lines logged in this template step ({@code marketData}, {@code risk}, ...) */
    @GetMapping("/{runId}/logs")
    ResponseEntity<?> logs(@PathVariable String runId, @RequestParam(required = false) String step,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (step != null && !step.isBlank()) {
            List<String> steps = TemplateSteps.of(camel);
            if (!steps.contains(step)) {
                throw new IllegalArgumentException("unknown step '" + step + "'; steps: " + String.join(", ", steps));
            }
        }
        Optional<RunRecord> run = find(runId);
        List<RunLogLine> lines = logs.lines(runId);
        if (run.isEmpty() && lines.isEmpty()) {
            throw new RunNotFoundException(runId);
        }
        List<RunLogLine> shown = step == null || step.isBlank() ? lines
                : lines.stream().filter(line -> step.equals(line.step())).toList();
        String status = run.map(RunRecord::status).orElse("UNKNOWN");
        String agentId = run.map(RunRecord::agentId).orElse(null);
        boolean running = "RUNNING".equals(status) || "QUEUED".equals(status);
        if (!PlainText.wanted(accept)) {
            return ResponseEntity.ok(new RunLog(runId, agentId, status, running, shown));
        }
        StringBuilder text = new StringBuilder();
        text.append("run ").append(runId).append(agentId == null ? "" : " of " + agentId).append("  ").append(status)
                .append(running ? " (still going on)" : "").append("  times in New York time\n");
        for (RunLogLine line : shown) {
            text.append(PlainText.millis(line.at())).append("  ").append(String.format(Locale.ROOT, "%-5s", line.level()))
                    .append("  ").append(String.format(Locale.ROOT, "%-12s", line.step() == null ? "-" : line.step()))
                    .append("  ").append(line.message()).append('\n');
        }
        if (shown.isEmpty()) {
            text.append(lines.isEmpty() ? "(no lines: nothing was logged while it ran, or it ran before run logs were kept)\n"
                    : "(no lines in step " + step + "; " + lines.size() + " in other steps)\n");
        }
        return PlainText.answer(text.toString());
    }

    /** The record; else the run going on here (RUNNING) or fired and not started yet (QUEUED). */
    private Optional<RunRecord> find(String runId) {
        return store.find(runId)
                .or(() -> inFlight.running(runId).map(RunController::running))
                .or(() -> inFlight.requested(runId).flatMap(this::queued));
    }

    private static RunRecord running(AgentRun run) {
        return new RunRecord(run.runId(), run.agentId(), run.agent().symbol(), run.agent().assetClass().alpacaName(),
                run.trigger().name(), run.scheduledAt(), run.startedAt(), null, "RUNNING", run.degraded(),
                run.market() == null ? null : run.market().price(), null, null, null, null, null, null, null,
                run.decision() == null ? null : run.decision().action().name(), null, null, null, null, null, null, null,
                null, null, null, null, null, List.of(), run.note(), null);
    }

    private Optional<RunRecord> queued(InFlightRuns.Requested requested) {
        return catalog.find(requested.agentId()).map(agent -> new RunRecord(requested.runId(), agent.agentId(),
                agent.symbol(), agent.assetClass().alpacaName(), "MANUAL", requested.at(), requested.at(), null, "QUEUED",
                false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, List.of(), "fired, waiting for its first step", null));
    }

    static Instant time(String at) {
        String text = at.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(PlainText.NEW_YORK).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).plusDays(1).atStartOfDay(PlainText.NEW_YORK).toInstant().minusNanos(1);
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException("at: '" + at + "' is not a time; write 2026-12-03T09:35 or"
                            + " 2026-12-03 (New York time) or 2026-12-03T14:35:00Z");
                }
            }
        }
    }

    /** One line a run: when, which agent, how it ended, what it decided and ordered, and why. */
    static String table(List<RunRecord> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            rows.add(List.of(PlainText.time(r.startedAt()), r.agentId(), r.symbol(), r.status() + (r.degraded() ? "*" : ""),
                    r.decision() == null ? "" : r.decision(), r.price() == null ? "" : number(r.price()), order(r),
                    PlainText.cut(r.error() != null ? r.error() : r.note(), 70), r.runId()));
        }
        String table = PlainText.table(List.of("STARTED (New York)", "AGENT", "SYMBOL", "STATUS", "DECISION", "PRICE",
                "ORDER", "WHY", "RUN"), rows);
        return runs.stream().anyMatch(RunRecord::degraded) ? table + "* degraded: sentiment was unavailable\n" : table;
    }

    private static String order(RunRecord r) {
        if (r.orderSide() == null) {
            return "";
        }
        String size = r.orderQty() != null ? plain(r.orderQty()) : r.orderNotional() != null ? "$" + plain(r.orderNotional()) : "";
        String fill = r.fillQty() != null && r.fillPrice() != null ? " filled " + plain(r.fillQty()) + " @ " + plain(r.fillPrice()) : "";
        return r.orderSide() + " " + size + fill;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** One run, a field a line; its step timings last. */
    static String details(RunRecord r) {
        List<List<String>> rows = new ArrayList<>();
        add(rows, "run", r.runId());
        add(rows, "agent", r.agentId() + " " + r.symbol() + " (" + r.assetClass() + ")");
        add(rows, "status", r.status() + (r.degraded() ? " (degraded: sentiment unavailable)" : ""));
        add(rows, "trigger", r.trigger());
        add(rows, "scheduled", PlainText.time(r.scheduledAt()) + " New York");
        add(rows, "started", PlainText.time(r.startedAt()) + " New York");
        add(rows, "finished", r.finishedAt() == null ? null : PlainText.time(r.finishedAt()) + " New York");
        add(rows, "price", r.price() == null ? null : number(r.price()) + (r.bid() == null ? "" : "  bid " + number(r.bid()))
                + (r.ask() == null ? "" : "  ask " + number(r.ask())));
        add(rows, "sentiment", r.sentimentUnavailable() != null ? "unavailable: " + r.sentimentUnavailable()
                : r.sentimentScore() == null ? null : signed(r.sentimentScore()) + " (confidence " + fixed(r.sentimentConfidence()) + ")");
        add(rows, "technical", r.technicalSignal() == null ? null
                : signed(r.technicalSignal()) + " (confidence " + fixed(r.technicalConfidence()) + ")");
        add(rows, "decision", r.decision() == null ? null : r.decision()
                + (r.decisionScore() == null ? "" : " (score " + signed(r.decisionScore()) + ")"));
        add(rows, "rationale", r.rationale());
        add(rows, "risk", r.riskVerdict() == null ? null : r.riskVerdict()
                + (r.riskReasons() == null || r.riskReasons().isBlank() ? "" : ": " + r.riskReasons()));
        add(rows, "order", order(r).isEmpty() ? null : order(r));
        add(rows, "client order id", r.clientOrderId());
        add(rows, "broker order", r.brokerOrderId() == null ? null : r.brokerOrderId() + " " + r.orderStatus());
        add(rows, "note", r.note());
        add(rows, "error", r.error());
        StringBuilder text = new StringBuilder(PlainText.fields(rows));
        if (!r.stepTimings().isEmpty()) {
            text.append("steps (ms from the run's start, then its duration)\n");
            r.stepTimings().forEach(t -> text.append(String.format(Locale.ROOT, "  %-14s %9.1f %9.1f%n", t.step(),
                    t.startMs(), t.durationMs())));
        }
        return text.toString();
    }

    private static void add(List<List<String>> rows, String name, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(name, value.replaceAll("\\s+", " ")));
        }
    }

    private static String signed(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%+.3f", value);
    }

    private static String fixed(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    static class RunNotFoundException extends NotFoundException {
        RunNotFoundException(String runId) {
            super("no run with id '" + runId + "'");
        }
    }
}
