package io.ztrade.backtest;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The replay routes' route configuration: no redelivery and no dead letter, so a step that throws in a replay fails
 * the backtest at once, naming the fire time, instead of waiting out the live retries and recording a FAILED run in
 * the live {@code agent_runs}.
 */
@Component
public class ReplayErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "replayErrorHandling";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(noErrorHandler());
    }
}
