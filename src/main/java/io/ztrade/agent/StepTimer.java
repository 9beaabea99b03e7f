package io.ztrade.agent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Times the steps of every route made from the template, by node id ({@link TemplateSteps}: read from the template,
 * so a renamed node keeps its timing under its new name), including the two parallel analyses, into one queue that
 * the exchange and its multicast copies share; {@link AgentRuns#complete} puts the timings into the run. An exchange
 * that carries a {@link #OUTPUTS} queue (a test's) also gets each step's run before and after it.
 */
@Component
public class StepTimer implements InterceptStrategy {

    static final String TIMINGS = "ztrade.stepTimings";
    /** Exchange property: a {@code Queue<StepOutput>} that collects each finished step's run (bin/ztrade test). */
    public static final String OUTPUTS = "ztrade.stepOutputs";

    /** A step that finished: its node id and System.nanoTime() at start and end. */
    record RawTiming(String step, long startNanos, long endNanos) {
    }

    /**
     * A step that finished, with the body it was given and the one it left (or its error).
     *
     * @param startNanos System.nanoTime() when it started
     */
    public record StepOutput(String step, long startNanos, long endNanos, Object before, Object after, Throwable error) {
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        if (!TemplateSteps.isStep(definition)) {
            return target;
        }
        RouteDefinition route = ProcessorDefinitionHelper.getRoute(definition);
        if (route == null || !route.isCreatedFromTemplate()) {
            return target;
        }
        String step = stepOf(definition.getId(), route.getNodePrefixId());
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Queue<RawTiming> timings = timingsOf(exchange);
                @SuppressWarnings("unchecked")
                Queue<StepOutput> outputs = exchange.getProperty(OUTPUTS, Queue.class);
                Object before = outputs == null ? null : exchange.getMessage().getBody();
                // a live run's log lines name the step they were logged in (RunLogs)
                boolean live = RunLogs.inLiveRun();
                // the step this one runs inside (the analyses around sentiment); its own name left by a failed try
                // of it (a redelivery) is not
                String enclosing = live ? MDC.get(RunLogs.STEP) : null;
                String outerStep = step.equals(enclosing) ? null : enclosing;
                if (live) {
                    MDC.put(RunLogs.STEP, step);
                }
                long start = System.nanoTime();
                return super.process(exchange, doneSync -> {
                    long end = System.nanoTime();
                    // a failed step stays named for the error handler's lines about it (its retries, the dead letter)
                    if (live && exchange.getException() == null) {
                        if (outerStep == null) {
                            MDC.remove(RunLogs.STEP);
                        } else {
                            MDC.put(RunLogs.STEP, outerStep);
                        }
                    }
                    timings.add(new RawTiming(step, start, end));
                    if (outputs != null) {
                        outputs.add(new StepOutput(step, start, end, before, exchange.getMessage().getBody(),
                                exchange.getException()));
                    }
                    callback.done(doneSync);
                });
            }
        };
    }

    /** The template's node id: the route's node-id prefix ({@code agent_tsla.}) taken off. */
    private static String stepOf(String id, String prefix) {
        return prefix != null && id.startsWith(prefix) ? id.substring(prefix.length()) : id.substring(id.lastIndexOf('.') + 1);
    }

    @SuppressWarnings("unchecked")
    static Queue<RawTiming> timingsOf(Exchange exchange) {
        Queue<RawTiming> timings = exchange.getProperty(TIMINGS, Queue.class);
        if (timings == null) {
            timings = new ConcurrentLinkedQueue<>();
            exchange.setProperty(TIMINGS, timings);
        }
        return timings;
    }
}
