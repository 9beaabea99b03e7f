package io.ztrade.performance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.agent.AgentRun;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What happens to runs that failed, and to records that could not be written. */
@Component
public class FailedRuns {

    static final String RUN_PROPERTY = "ztrade.run";

    private static final Logger LOG = LoggerFactory.getLogger(FailedRuns.class);

    private final ObjectMapper mapper;

    public FailedRuns(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The run as it was when the step failed, marked FAILED with the cause. */
    public AgentRun failed(AgentRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught) {
        Throwable cause = unwrapped(caught);
        String why = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return run.failed(why).completed(Instant.now(), run.timings());
    }

    /** Camel's wrappers (an enrich, a circuit breaker) say nothing a trader needs: record what they wrap. */
    static Throwable unwrapped(Throwable caught) {
        Throwable cause = caught;
        while (cause != null && cause.getCause() != null && cause != cause.getCause()
                && (cause instanceof org.apache.camel.CamelExecutionException || cause instanceof org.apache.camel.RuntimeCamelException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Alerts are log lines for now; email and webhooks hang off this one place. */
    public void alert(AgentRun run) {
        LOG.error("ALERT {} run {} FAILED after its redeliveries: {}", run.agentId(), run.runId(), run.error());
    }

    public void notStarted(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("ALERT {} could not start a run: {}", exchange.getFromRouteId(), cause == null ? "unknown" : cause.getMessage());
    }

    public void recordNotWritten(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Object body = exchange.getProperty(RUN_PROPERTY) != null ? exchange.getProperty(RUN_PROPERTY) : exchange.getIn().getBody();
        String json;
        try {
            json = body instanceof AgentRun run ? mapper.writeValueAsString(run) : String.valueOf(body);
        } catch (Exception e) {
            json = String.valueOf(body);
        }
        LOG.error("Performance record could not be written ({}); the record follows so it is not lost: {}",
                cause == null ? "unknown" : cause.getMessage(), json);
    }
}
