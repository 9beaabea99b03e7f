package io.ztrade.agent;


import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agents and their schedules; run one now. */
@RestController
@RequestMapping("/api/agents")
class AgentController {

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final AgentActions desk;
    private final AgentTester tester;
    private final RunNow runNow;

    AgentController(AgentCatalog catalog, AgentScheduler scheduler, AgentActions desk, AgentTester tester,
                    RunNow runNow) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.desk = desk;
        this.tester = tester;
        this.runNow = runNow;
    }

    record AgentView(String id, String symbol, String assetClass, String schedule, String timeZone, Instant nextFireTime,
                     Instant previousFireTime, boolean paused) {
    }

    /**
     * A run started: follow it at {@code run} (also the answer's {@code Location}) and read its log at {@code logs}.
     *
     * @param status QUEUED: fired, its first step not started yet (a Quartz thread is busy, or the agent's last run
     *               is ending)
     */
    record RunRequested(String runId, String agent, String status, Instant requestedAt, boolean force, String message,
                        String run, String logs) {
    }

    /**
     * A run now that does not happen, said at once: the API's error body and why ({@code outcome}).
     *
     * @param outcome  {@code SKIPPED_MARKET_CLOSED} or {@code REFUSED_ALREADY_RUNNING}
     * @param runId    the agent's run under way or waiting (refused), when known, else null
     * @param node     the node running it (refused, clustered: its Quartz instance id), when known, else null
     * @param nextOpen when the agent's market opens next (skipped), else null
     */
    record RunNotStarted(int status, String error, String message, Instant timestamp, String agent, String outcome,
                         String runId, String node, Instant nextOpen) {
    }

    @GetMapping
    ResponseEntity<?> agents(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<AgentView> agents = catalog.all().stream().map(this::view).toList();
        if (!PlainText.wanted(accept)) {
            return ResponseEntity.ok(agents);
        }
        return PlainText.answer(PlainText.table(List.of("AGENT", "SYMBOL", "CLASS", "SCHEDULE (New York)", "NEXT RUN",
                        "LAST RUN", "PAUSED"),
                agents.stream().map(a -> List.of(a.id(), a.symbol(), a.assetClass(), a.schedule(),
                        PlainText.time(a.nextFireTime()), PlainText.time(a.previousFireTime()), a.paused() ? "paused" : ""))
                        .toList()));
    }

    @GetMapping("/{id}")
    AgentView agent(@PathVariable String id) {
        return view(catalog.get(id));
    }

    /**
     * Like {@code airflow dags trigger}: market hours still apply unless {@code force=true}. Answers 202 with the run's
     * id and {@code Location}, or 409 at once when the run would not happen: the agent's market is closed (a stock agent
     * outside the NYSE session; {@code force=true} runs anyway), or the agent has a run going on or waiting, on this
     * node or, clustered, on any other (runs of one agent never overlap). {@link RunNow} decides, for the MBean too.
     */
    @PostMapping("/{id}/runs")
    ResponseEntity<?> runNow(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force) {
        RunNow.Answer answer = runNow.request(id, force);
        if (answer instanceof RunNow.NotStarted not) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new RunNotStarted(409,
                    HttpStatus.CONFLICT.getReasonPhrase(), not.message(), Instant.now(), not.agentId(),
                    not.outcome().name(), not.runId(), not.node(), not.nextOpen()));
        }
        RunNow.Started started = (RunNow.Started) answer;
        String run = "/api/runs/" + started.runId();
        return ResponseEntity.accepted().location(URI.create(run)).body(new RunRequested(started.runId(),
                started.agentId(), "QUEUED", started.requestedAt(), force, started.message(), run, run + "/logs"));
    }

    /** Like {@code airflow dags pause}: the schedule stops; run now still works. */
    @PostMapping("/{id}/pause")
    AgentView pause(@PathVariable String id) {
        desk.pause(id);
        return view(catalog.get(id));
    }

    /** Like {@code airflow dags unpause}: the schedule goes on from the next fire time. */
    @PostMapping("/{id}/resume")
    AgentView resume(@PathVariable String id) {
        desk.resume(id);
        return view(catalog.get(id));
    }

    /**
     * Like {@code airflow tasks test}: runs the agent once through its route for real (providers are called, gates and
     * market hours apply unless {@code force=true}) and returns each step's output and timing, but records nothing
     * and places no order. {@code step} limits the output to one step.
     */
    @PostMapping("/{id}/test")
    AgentTester.TestResult test(@PathVariable String id, @RequestParam(required = false) String step,
                                @RequestParam(defaultValue = "false") boolean force) {
        catalog.get(id);
        AgentTester.TestResult result = tester.test(id, step, force);
        desk.tested(id, step);
        return result;
    }

    private AgentView view(AgentSettings agent) {
        AgentScheduler.Schedule schedule = scheduler.schedule(agent);
        return new AgentView(agent.agentId(), agent.symbol(), agent.assetClass().alpacaName(), schedule.cron(),
                schedule.timeZone(), schedule.nextFireTime(), schedule.previousFireTime(), schedule.paused());
    }
}
