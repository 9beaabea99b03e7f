package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Replays at once, as a sweep runs them: each adds its routes from the template and removes them when done, while
 * the others run. Short replays (a few fire times) so the adding and removing overlap as often as possible.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentReplaysTest extends PipelineTestSupport {

    static final Map<String, String> TECHNICAL_ONLY = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", "0",
            "threshold", "0.1", "barTimeframe", "5Min");
    static final int REPLAYS = 240;
    static final int THREADS = 4;

    @Autowired
    ReplayEngine engine;
    @Autowired
    MarketCalendar calendar;
    @Autowired
    CamelContext camel;

    @Test
    void replaysAddingAndRemovingTheirRoutesAtOnceAllSucceedAndLeaveNoRouteBehind() throws Exception {
        Instant from = Instant.parse("2025-03-03T00:00:00Z");
        Instant to = Instant.parse("2025-03-04T00:00:00Z");
        AgentSettings settings = AgentSettings.fromParameters(engine.parameters("test_stock", TECHNICAL_ONLY));
        PriceHistory history = new SyntheticHistory(calendar, 7, 250, 0.6, 0).load(settings, from.minus(Duration.ofDays(5)), to);
        List<Instant> fireTimes = engine.fireTimes(settings, from, to).subList(0, 3);
        int routesBefore = camel.getRoutes().size();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < REPLAYS; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        ReplayResult result = engine.replay(new ReplayRequest("test_stock", TECHNICAL_ONLY, from, to, history,
                                Map.of(), null, new FillModel(0, 0, 0), 100_000, fireTimes), ReplayEngine.Progress.NONE);
                        if (result.runs().size() != fireTimes.size()) {
                            failures.add("runs: " + result.runs().size());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("%d of %d replays failed, e.g. %s", failures.size(), REPLAYS, failures.stream().limit(3).toList())
                .isEmpty();
        assertThat(camel.getRoutes()).hasSize(routesBefore);
    }
}
