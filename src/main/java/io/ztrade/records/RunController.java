package io.ztrade.records;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The performance records, newest first. */
@RestController
@RequestMapping("/api/runs")
class RunController {

    static final int MAX_LIMIT = 1000;

    private final PerformanceStore store;
    private final AgentCatalog catalog;

    RunController(PerformanceStore store, AgentCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @GetMapping
    List<RunRecord> runs(@RequestParam(required = false) String agent, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (agent != null && !agent.isBlank()) {
            catalog.get(agent);
            return store.latest(agent, limit);
        }
        return store.latest(null, limit);
    }

    @GetMapping("/{runId}")
    RunRecord run(@PathVariable String runId) {
        return store.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    static class RunNotFoundException extends NotFoundException {
        RunNotFoundException(String runId) {
            super("no run with id '" + runId + "'");
        }
    }
}
