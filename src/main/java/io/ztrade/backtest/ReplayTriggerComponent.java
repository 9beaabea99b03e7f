package io.ztrade.backtest;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.RunTrigger;
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
 * The {@code replay:} trigger, the simulated clock's stand-in for {@code quartz:}. A replay route made from the
 * agent template starts with {@code replay:agents/<agentId>}; the backtest then fires it once per fire time, on
 * its own thread, with the same {@code scheduledFireTime} header Quartz sets, so {@code AgentRuns.start} and the
 * market hours gate see the simulated time. The quartz-only endpoint parameters of the template (cron, time zone,
 * stateful) are ignored: the backtest decides the fire times from the cron itself.
 */
@Component("replay")
public class ReplayTriggerComponent extends DefaultComponent {

    public static final String SCHEME = "replay";

    private final Map<String, ReplayTriggerConsumer> consumers = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        parameters.clear();
        return new ReplayTriggerEndpoint(uri, this);
    }

    /**
     * Runs the replay route once at that simulated fire time and returns the finished run, as the route left it.
     *
     * @throws IllegalStateException when the route is not started or the run threw
     */
    public AgentRun fire(String routeId, Instant fireTime) {
        ReplayTriggerConsumer consumer = consumers.get(routeId);
        if (consumer == null) {
            throw new IllegalStateException("replay route " + routeId + " is not started");
        }
        return consumer.fire(fireTime);
    }

    static final class ReplayTriggerEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

        ReplayTriggerEndpoint(String uri, ReplayTriggerComponent component) {
            super(uri, component);
        }

        @Override
        public ReplayTriggerComponent getComponent() {
            return (ReplayTriggerComponent) super.getComponent();
        }

        /** Concurrent replays of one agent (a sweep) share the endpoint; each route is fired by its own id. */
        @Override
        public boolean isMultipleConsumersSupported() {
            return true;
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException("replay: is a trigger only; a backtest fires it");
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            ReplayTriggerConsumer consumer = new ReplayTriggerConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
    }

    static final class ReplayTriggerConsumer extends DefaultConsumer {

        private static final Map<String, String> JOB_DATA = Map.of(AgentRuns.TRIGGER_KEY, RunTrigger.REPLAY.name());

        ReplayTriggerConsumer(ReplayTriggerEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            ((ReplayTriggerEndpoint) getEndpoint()).getComponent().consumers.put(getRouteId(), this);
        }

        @Override
        protected void doStop() throws Exception {
            ((ReplayTriggerEndpoint) getEndpoint()).getComponent().consumers.remove(getRouteId(), this);
            super.doStop();
        }

        AgentRun fire(Instant fireTime) {
            Exchange exchange = createExchange(false);
            try {
                exchange.getIn().setHeader("scheduledFireTime", Date.from(fireTime));
                exchange.getIn().setHeader("mergedJobDataMap", JOB_DATA);
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    throw new IllegalStateException("replay run at " + fireTime + " failed: " + exchange.getException().getMessage(),
                            exchange.getException());
                }
                return exchange.getMessage().getBody(AgentRun.class);
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("replay run at " + fireTime + " failed: " + e.getMessage(), e);
            } finally {
                releaseExchange(exchange, false);
            }
        }
    }
}
