package io.ztrade.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.springframework.stereotype.Component;

/**
 * The {@code edge:} endpoints of a throw-away route ({@link ThrowAwayRoutes}): {@code edge:<name>} calls the function
 * registered under that name with the run, on the caller's thread, and the function's result is the reply (the
 * {@code marketData} enrich's snapshot, the broker step's run). A replay's market data and orders cost one method
 * call, not a route of their own ({@code direct:}, then a bean step bound by reflection: its unit of work, its
 * statistics and its error handler, thousands of times a second).
 */
@Component(EdgeCalls.SCHEME)
public class EdgeCalls extends DefaultComponent {

    public static final String SCHEME = "edge";

    private final Map<String, Function<AgentRun, ?>> calls = new ConcurrentHashMap<>();

    /** The endpoint URI that calls {@code call} until {@link #remove}. */
    String add(String name, Function<AgentRun, ?> call) {
        if (calls.putIfAbsent(name, call) != null) {
            throw new IllegalStateException("edge " + name + " exists already");
        }
        return SCHEME + ":" + name;
    }

    void remove(String name) {
        calls.remove(name);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new EdgeEndpoint(uri, this, remaining);
    }

    static final class EdgeEndpoint extends DefaultEndpoint {

        private final String name;

        EdgeEndpoint(String uri, EdgeCalls component, String name) {
            super(uri, component);
            this.name = name;
        }

        @Override
        public Producer createProducer() {
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) {
                    Function<AgentRun, ?> call = ((EdgeCalls) getComponent()).calls.get(name);
                    if (call == null) {
                        throw new IllegalStateException("edge " + name + " is closed");
                    }
                    exchange.getMessage().setBody(call.apply(exchange.getMessage().getBody(AgentRun.class)));
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("edge: is called only, by a throw-away route's steps");
        }
    }
}
