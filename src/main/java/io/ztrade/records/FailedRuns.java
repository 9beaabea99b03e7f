package io.ztrade.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.agent.AgentRun;
import io.ztrade.alert.Alerts;
import io.ztrade.provider.SecretMasker;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What happens to runs that failed, and to records that could not be written. */
@Component
public class FailedRuns {

    public static final String RUN_PROPERTY = "ztrade.run";

    private static final Logger LOG = LoggerFactory.getLogger(FailedRuns.class);

    private final ObjectMapper mapper;
    private final Alerts alerts;
    private final SecretMasker secrets;

    public FailedRuns(ObjectMapper mapper, Alerts alerts, SecretMasker secrets) {
        this.mapper = mapper;
        this.alerts = alerts;
        this.secrets = secrets;
    }

    /** The run as it was when the step failed, marked FAILED with the cause. */
    public AgentRun failed(AgentRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught) {
        Throwable cause = unwrapped(caught);
        // the error is shown by the API, the console and alerts: no key a provider's message may quote
        String why = cause == null ? "unknown failure"
                : cause.getClass().getSimpleName() + ": " + secrets.mask(cause.getMessage());
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

    /** Logged, and sent by email and webhook when configured, at most once per quiet period. */
    public void alert(AgentRun run) {
        alerts.runFailed(run);
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
