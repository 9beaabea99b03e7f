package io.ztrade.agent;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * A step of the {@code trading-agent} template that takes the run and returns it. The template names such a bean
 * without a {@code method}: Camel's bean step then calls {@link #process} directly instead of choosing the method
 * and binding its parameter by reflection on every run (about a seventh of a replayed run's time;
 * docs/benchmarks.md). {@link #apply} is the step; {@link #process} only moves the run in and out of the message.
 */
public interface RunStep extends Processor {

    AgentRun apply(AgentRun run);

    @Override
    default void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setBody(apply(message.getBody(AgentRun.class)));
    }
}
