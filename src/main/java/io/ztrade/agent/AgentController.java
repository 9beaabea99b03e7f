package io.ztrade.agent;


import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agents and their schedules; run one now. */
@RestController
@RequestMapping("/api/agents")
class AgentController {

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final AgentActions desk;
    private final AgentTester tester;

    AgentController(AgentCatalog catalog, AgentScheduler scheduler, AgentActions desk, AgentTester tester) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.desk = desk;
        this.tester = tester;
    }

    record AgentView(String id, String symbol, String assetClass, String schedule, String timeZone, Instant nextFireTime,
                     Instant previousFireTime, boolean paused) {
    }

    record RunRequested(String agent, Instant requestedAt, boolean force, String message) {
    }

    @GetMapping
    List<AgentView> agents() {
        return catalog.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    AgentView agent(@PathVariable String id) {
        return view(catalog.get(id));
    }

    /** Like {@code airflow dags trigger}: market hours still apply unless {@code force=true}. */
    @PostMapping("/{id}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunRequested runNow(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force) {
        AgentSettings agent = catalog.get(id);
        desk.runNow(agent.agentId(), force);
        return new RunRequested(agent.agentId(), Instant.now(), force,
                "run of " + agent.agentId() + " started; see GET /api/runs?agent=" + agent.agentId());
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
