package io.ztrade.agent;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.springframework.stereotype.Component;

/**
 * The template's gates ({@code whenMarketOpen}, {@code whenTrade}, {@code whenRiskApproved}: {@code ref: runInProgress}):
 * whether the run is still going. A predicate the filter calls as it is, rather than a bean method bound per call by
 * Camel's bean language (which copied the exchange and bound the parameter by reflection, three times a run, and
 * introspected the bean again for every route made: a fifth of a replay route's making), or {@code ${body.inProgress}}
 * (Camel caches a simple-language call on the body by the body's own hash code: each gate hashed the whole run, its
 * bars included).
 */
@Component(RunInProgress.BEAN)
public class RunInProgress implements Predicate {

    public static final String BEAN = "runInProgress";

    @Override
    public boolean matches(Exchange exchange) {
        return exchange.getMessage().getBody(AgentRun.class).inProgress();
    }
}
