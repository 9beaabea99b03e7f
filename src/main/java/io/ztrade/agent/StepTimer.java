package io.ztrade.agent;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.stereotype.Component;

/**
 * Times the template's pipeline steps by node id, including the two parallel analyses, into one queue that
 * the exchange and its multicast copies share; {@link AgentRuns#complete} puts the timings into the run.
 */
@Component
public class StepTimer implements InterceptStrategy {

    static final String TIMINGS = "ztrade.stepTimings";
    static final Set<String> STEPS = Set.of("marketHours", "marketData", "analyses", "sentiment", "technical", "decision",
            "risk", "broker");

    /** A step that finished: its node id and System.nanoTime() at start and end. */
    record RawTiming(String step, long startNanos, long endNanos) {
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        String id = definition.getId();
        if (id == null) {
            return target;
        }
        String step = id.substring(id.lastIndexOf('.') + 1);
        if (!STEPS.contains(step)) {
            return target;
        }
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Queue<RawTiming> timings = timingsOf(exchange);
                long start = System.nanoTime();
                return super.process(exchange, doneSync -> {
                    timings.add(new RawTiming(step, start, System.nanoTime()));
                    callback.done(doneSync);
                });
            }
        };
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
