package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.management.OperationsTestSupport;
import io.ztrade.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A replay's throw-away route with Camel's JMX on, as the app runs: in the operations tests' context (CamelSpringBootTest
 * turns JMX off by default, and a context cached without it would be reused).
 */
class ReplayRouteJmxTest extends OperationsTestSupport {

    @Autowired
    ReplayEngine engine;
    @Autowired
    MarketCalendar calendar;
    @Autowired
    CamelContext camel;

    /**
     * What a replay's route is made of while it runs: one route (its market data and orders are calls in place, not
     * routes of their own: before, three routes), no per-step statistics or MBeans (before: one MBean a step), no
     * stream caching; the live agents keep their step MBeans.
     */
    @Test
    void aReplaysRouteIsOneRouteWithoutStepStatisticsAndTheLiveAgentsKeepTheirs() throws Exception {
        javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName processors = new javax.management.ObjectName("org.apache.camel:type=processors,*");
        java.util.List<String> replayRoutes = new java.util.ArrayList<>();
        java.util.List<String> replayProcessors = new java.util.ArrayList<>();
        java.util.List<Boolean> streamCaching = new java.util.ArrayList<>();
        Instant from = Instant.parse("2025-03-03T00:00:00Z");
        Instant to = Instant.parse("2025-03-04T00:00:00Z");
        var settings = io.ztrade.agent.AgentSettings.fromParameters(engine.parameters("test_stock", ReplayRouteTest.TECHNICAL_ONLY));
        PriceHistory history = new SyntheticHistory(calendar, 7, 250, 0.6, 0).load(settings, from.minus(Duration.ofDays(5)), to);

        ReplayResult result = engine.replay(new ReplayRequest("test_stock", ReplayRouteTest.TECHNICAL_ONLY, from, to, history, Map.of(), null,
                new FillModel(1, 5, 10), 100_000, null), (done, total) -> {
            if (done == 1) {
                camel.getRoutes().stream().filter(r -> r.getRouteId().startsWith("replay-")).forEach(r -> {
                    replayRoutes.add(r.getRouteId());
                    streamCaching.add(r.isStreamCaching());
                });
                jmx.queryNames(processors, null).stream().map(n -> n.getKeyProperty("name"))
                        .filter(n -> n.contains("replay-")).forEach(replayProcessors::add);
            }
        });

        assertThat(result.runs()).hasSize(78);
        assertThat(replayRoutes).as("routes of the replay while it runs").hasSize(1);
        assertThat(streamCaching).containsOnly(false);
        assertThat(replayProcessors).as("MBeans of the replay's steps").isEmpty();
        assertThat(jmx.queryNames(processors, null)).extracting(n -> n.getKeyProperty("name"))
                .as("the live agent's step MBeans").contains("\"test_stock.decision\"");
        assertThat(camel.getEndpoints()).extracting(e -> e.getEndpointUri()).noneMatch(uri -> uri.startsWith("edge:"));
    }
}
