package io.ztrade.agent;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;
import org.springframework.stereotype.Component;

/**
 * The {@code fired:} trigger of a throw-away route ({@link ThrowAwayRoutes}), the stand-in for {@code quartz:}: a
 * route made from the agent template with {@code fired:agents/<agentId>} runs when its caller fires it (a backtest
 * once per simulated fire time, {@code bin/ztrade test} once), on the caller's thread, with the same
 * {@code scheduledFireTime} and {@code mergedJobDataMap} headers Quartz sets, so {@code AgentRuns.start} and the
 * market hours gate see the fire time and trigger asked for. The quartz-only endpoint parameters of the template
 * (cron, time zone, stateful) are ignored: the caller decides when to fire.
 */
@Component(FiredTrigger.SCHEME)
public class FiredTrigger extends DefaultComponent {

    public static final String SCHEME = "fired";

    private final Map<String, FiredConsumer> consumers = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        parameters.clear();
        return new FiredEndpoint(uri, this);
    }

    /** Runs the route once at that fire time as that trigger's run (a replay's: {@link RunTrigger#REPLAY}). */
    public AgentRun fire(String routeId, Instant fireTime, RunTrigger trigger) {
        return fire(routeId, fireTime, Map.of(AgentRuns.TRIGGER_KEY, trigger.name()), Map.of());
    }

    /**
     * Runs the route once at that fire time and returns the finished run, as the route left it.
     *
     * @param jobData    what a Quartz trigger's job data would carry ({@link AgentRuns#TRIGGER_KEY}, ...)
     * @param properties exchange properties the run starts with (its multicast copies share them)
     * @throws IllegalStateException when the route is not started or the run threw
     */
    public AgentRun fire(String routeId, Instant fireTime, Map<String, String> jobData, Map<String, Object> properties) {
        FiredConsumer consumer = consumers.get(routeId);
        if (consumer == null) {
            throw new IllegalStateException("route " + routeId + " is not started");
        }
        return consumer.fire(fireTime, jobData, properties);
    }

    static final class FiredEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

        FiredEndpoint(String uri, FiredTrigger component) {
            super(uri, component);
        }

        @Override
        public FiredTrigger getComponent() {
            return (FiredTrigger) super.getComponent();
        }

        /** Throw-away routes of one agent (a sweep, two tests) share the endpoint; each is fired by its own id. */
        @Override
        public boolean isMultipleConsumersSupported() {
            return true;
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException("fired: is a trigger only; its caller fires it");
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            FiredConsumer consumer = new FiredConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
    }

    static final class FiredConsumer extends DefaultConsumer {

        FiredConsumer(FiredEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            ((FiredEndpoint) getEndpoint()).getComponent().consumers.put(getRouteId(), this);
        }

        @Override
        protected void doStop() throws Exception {
            ((FiredEndpoint) getEndpoint()).getComponent().consumers.remove(getRouteId(), this);
            super.doStop();
        }

        AgentRun fire(Instant fireTime, Map<String, String> jobData, Map<String, Object> properties) {
            Exchange exchange = createExchange(false);
            try {
                exchange.getIn().setHeader("scheduledFireTime", Date.from(fireTime));
                exchange.getIn().setHeader("mergedJobDataMap", jobData);
                properties.forEach(exchange::setProperty);
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    throw new IllegalStateException("run at " + fireTime + " failed: " + exchange.getException().getMessage(),
                            exchange.getException());
                }
                return exchange.getMessage().getBody(AgentRun.class);
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("run at " + fireTime + " failed: " + e.getMessage(), e);
            } finally {
                releaseExchange(exchange, false);
            }
        }
    }
}
