package io.ztrade.agent;

import io.ztrade.agent.StepTimer.StepOutput;
import io.ztrade.agent.ThrowAwayRoutes.ThrowAwayRoute;
import io.ztrade.agent.steps.OrderPlacement;
import io.ztrade.agent.steps.PluginChoices;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.broker.Broker;
import io.ztrade.broker.OrderRequest;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.OrdersPlaced;
import io.ztrade.risk.RiskRule;
import io.ztrade.risk.RiskValidator;
import io.ztrade.risk.protection.Protections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * Like {@code airflow tasks test}: runs the agent once through the real route, a throw-away route made from the
 * template ({@link ThrowAwayRoutes}) with the live market data, analyses, decision and risk, gates and circuit
 * breakers, but whose order edge captures the order instead of sending it and which records nothing: no record, no
 * order intent, no broker call, no protection trip, hold or alert. The live agent's route, Quartz job and order guard
 * are not touched. A failing step fails the test at once (no redelivery).
 */
@Component
public class AgentTester {

    /** One step's result: its output is the part of the run that step filled in (what it changed). */
    public record StepResult(String step, double startMs, double durationMs, Map<String, Object> output, String status,
                             String note, String error) {
    }

    /**
     * @param steps      each step that ran, in the template's order
     * @param wouldEndAs the run's final status, or the order it would have sent
     * @param order      that order (null when the run ended earlier)
     */
    public record TestResult(String agent, String symbol, Instant at, List<StepResult> steps, String wouldEndAs,
                             OrderRequest order, String message) {
    }

    private final CamelContext camel;
    private final AgentCatalog catalog;
    private final ThrowAwayRoutes routes;
    private final RiskStep risk;

    AgentTester(CamelContext camel, AgentCatalog catalog, ThrowAwayRoutes routes, List<RiskRule> rules, DeskModes desk,
                Broker broker, OrdersPlaced orders, Protections protections, PluginChoices plugins) {
        this.camel = camel;
        this.catalog = catalog;
        this.routes = routes;
        // the live risk step over the live desk, account and records, but its protections keep nothing
        this.risk = new RiskStep(new RiskValidator(rules, desk, broker, orders, protections.readOnly()), plugins);
    }

    /** The template's steps, in its order: what {@code step} may name. */
    public List<String> steps() {
        return TemplateSteps.of(camel);
    }

    /**
     * @param onlyStep null for every step; else only that step's result is returned (the whole run goes through)
     * @param force    ignore market hours, as a forced run-now does
     */
    public TestResult test(String agentId, String onlyStep, boolean force) {
        AgentSettings agent = catalog.get(agentId);
        List<String> steps = steps();
        if (onlyStep != null && !steps.contains(onlyStep)) {
            throw new IllegalArgumentException("unknown step '" + onlyStep + "'; steps: " + String.join(", ", steps));
        }
        Queue<StepOutput> outputs = new ConcurrentLinkedQueue<>();
        OrderCapture capture = new OrderCapture();
        Instant at = Instant.now();
        long started = System.nanoTime();
        AgentRun run = null;
        String failure = null;
        try (ThrowAwayRoute route = routes.route("test", agentId, routes.liveParameters(agent))
                .edge("orderUri", capture::capture)
                .parameter("recordUri", "log:io.ztrade.agent.test.record?level=TRACE")
                .parameter("runLog", "io.ztrade.agent.test")
                .bean(AgentRuns.BEAN, AgentRuns.of(agent))
                .bean("riskValidator", risk)
                .start()) {
            Map<String, String> jobData = Map.of(AgentRuns.TRIGGER_KEY, RunTrigger.MANUAL.name(),
                    AgentRuns.FORCE_KEY, String.valueOf(force));
            try {
                run = route.fire(at, jobData, Map.of(StepTimer.OUTPUTS, outputs));
            } catch (IllegalStateException e) {
                failure = e.getMessage();
            }
        }
        List<StepResult> results = results(steps, outputs, started, onlyStep);
        return new TestResult(agent.agentId(), agent.symbol(), at, results, ending(run, failure, capture.order),
                capture.order, message(agent, onlyStep, results, run));
    }

    /** Each step that ran, in the template's order (the two analyses may finish in either order). */
    private static List<StepResult> results(List<String> steps, Queue<StepOutput> outputs, long started, String onlyStep) {
        List<StepResult> results = new ArrayList<>();
        for (String step : steps) {
            if (onlyStep != null && !onlyStep.equals(step)) {
                continue;
            }
            outputs.stream().filter(o -> o.step().equals(step)).forEach(o -> results.add(result(o, started)));
        }
        return results;
    }

    private static StepResult result(StepOutput o, long started) {
        AgentRun after = o.after() instanceof AgentRun r ? r : null;
        return new StepResult(o.step(), (o.startNanos() - started) / 1e6, (o.endNanos() - o.startNanos()) / 1e6,
                RunParts.changed(o.before(), o.after()), after == null ? null : after.status().name(),
                after == null ? null : after.note(), o.error() == null ? null : o.error().getMessage());
    }

    private static String ending(AgentRun run, String failure, OrderRequest order) {
        if (failure != null) {
            return "FAILED: " + failure;
        }
        if (order != null) {
            return "an order to the broker: " + describe(order) + " (not placed: this is a test)";
        }
        return run.status() + (run.note() == null ? "" : ": " + run.note());
    }

    private static String message(AgentSettings agent, String onlyStep, List<StepResult> results, AgentRun run) {
        String message = "test of " + agent.agentId() + ": nothing recorded, no order placed";
        if (onlyStep != null && results.isEmpty()) {
            message += "; step " + onlyStep + " did not run: the run ended "
                    + (run == null ? "FAILED" : run.status().name()) + " before it";
        }
        return message;
    }

    static String describe(OrderRequest order) {
        String size = order.notional() != null ? "$" + order.notional().stripTrailingZeros().toPlainString() + " of"
                : order.qty().stripTrailingZeros().toPlainString();
        return order.side() + " " + size + " " + order.symbol() + " (client order id " + order.clientOrderId() + ")";
    }

    /** The test route's order edge: keeps the order the broker step would send and ends the run there. */
    public static final class OrderCapture {

        private volatile OrderRequest order;

        public AgentRun capture(AgentRun run) {
            OrderRequest request = OrderPlacement.orderOf(run);
            order = request;
            return run.finish(RunStatus.DRY_RUN, "test: would send " + describe(request) + "; no order placed");
        }
    }
}
