package io.ztrade.agent;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The route configuration of throw-away routes ({@link ThrowAwayRoutes}: a replay's, a test's): no redelivery and no
 * dead letter, so a step that throws fails the replay or the test at once, naming the fire time, instead of waiting
 * out the live retries and recording a FAILED run (and alerting) in the live {@code agent_runs}.
 */
@Component
public class ThrowAwayErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "throwAwayErrorHandling";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(noErrorHandler());
    }
}
