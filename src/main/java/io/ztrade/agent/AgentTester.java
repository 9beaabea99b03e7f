package io.ztrade.agent;

import io.ztrade.agent.steps.DecisionStep;
import io.ztrade.agent.steps.MarketDataEnrichment;
import io.ztrade.agent.steps.MarketDataRoutes;
import io.ztrade.agent.steps.MarketHoursFilter;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.agent.steps.SentimentStep;
import io.ztrade.agent.steps.TechnicalStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Like {@code airflow tasks test}: runs an agent's steps for real, in the template's order, calling the same stage
 * beans, but stops before the broker, records nothing and places no order. Market hours are reported, not obeyed.
 */
@Component
public class AgentTester {

    /** The steps a test can run, in pipeline order (the broker is never one of them). */
    public static final List<String> STEPS = List.of("marketHours", "marketData", "sentiment", "technical", "decision", "risk");

    /** One step's result: its output is the part of the run that step filled in. */
    public record StepResult(String step, double durationMs, Object output, String status, String note) {
    }

    public record TestResult(String agent, String symbol, Instant at, List<StepResult> steps, String wouldEndAs,
                             String message) {
    }

    private final AgentCatalog catalog;
    private final Map<String, Function<AgentRun, AgentRun>> stages = new LinkedHashMap<>();
    private final Map<String, Function<AgentRun, Object>> outputs = new LinkedHashMap<>();

    AgentTester(AgentCatalog catalog, MarketHoursFilter marketHours, MarketDataRoutes marketData,
                MarketDataEnrichment enrichment, SentimentStep sentiment, TechnicalStep technical,
                DecisionStep decision, RiskStep risk) {
        this.catalog = catalog;
        stages.put("marketHours", marketHours::apply);
        stages.put("marketData", run -> enrichment.merge(run, marketData.snapshot(run)));
        stages.put("sentiment", sentiment::apply);
        stages.put("technical", technical::apply);
        stages.put("decision", decision::apply);
        stages.put("risk", risk::apply);
        outputs.put("marketData", AgentRun::market);
        outputs.put("sentiment", AgentRun::sentiment);
        outputs.put("technical", AgentRun::technical);
        outputs.put("decision", AgentRun::decision);
        outputs.put("risk", AgentRun::risk);
    }

    /**
     * @param onlyStep null for every step; else the steps before it run too (it needs their output) but only its own
     *                 output is returned
     */
    public TestResult test(String agentId, String onlyStep) {
        AgentSettings agent = catalog.get(agentId);
        if (onlyStep != null && !STEPS.contains(onlyStep)) {
            throw new IllegalArgumentException("unknown step '" + onlyStep + "'; steps: " + String.join(", ", STEPS));
        }
        Instant now = Instant.now();
        // forced: a test analyses even when the market is closed; the marketHours step still says whether it is open
        AgentRun run = AgentRun.start(agent, RunTrigger.MANUAL, true, now, now);
        List<StepResult> results = new ArrayList<>();
        for (Map.Entry<String, Function<AgentRun, AgentRun>> stage : stages.entrySet()) {
            String step = stage.getKey();
            long started = System.nanoTime();
            AgentRun next = stage.getValue().apply(run);
            double ms = (System.nanoTime() - started) / 1e6;
            if (step.equals("marketHours")) {
                // report the session as a scheduled run would see it, but test the other steps whatever it said
                AgentRun judged = stage.getValue().apply(AgentRun.start(agent, RunTrigger.MANUAL, false, now, now));
                add(results, onlyStep, new StepResult(step, ms, Map.of("open", judged.inProgress()),
                        judged.status().name(), judged.note()));
                if (step.equals(onlyStep)) {
                    break;
                }
                continue;
            }
            add(results, onlyStep, new StepResult(step, ms, outputs.get(step).apply(next), next.status().name(), next.note()));
            run = next;
            if (step.equals(onlyStep) || !run.inProgress()) {
                break;
            }
        }
        String ending;
        if (onlyStep != null && run.inProgress() && !onlyStep.equals("risk")) {
            ending = "not known: the test stopped after step " + onlyStep;
        } else {
            ending = run.inProgress() ? "an order to the broker (not placed: this is a test)" : run.status().name();
        }
        return new TestResult(agent.agentId(), agent.symbol(), now, results, ending,
                "test of " + agent.agentId() + ": nothing recorded, no order placed");
    }

    private static void add(List<StepResult> results, String onlyStep, StepResult result) {
        if (onlyStep == null || onlyStep.equals(result.step())) {
            results.add(result);
        }
    }
}
