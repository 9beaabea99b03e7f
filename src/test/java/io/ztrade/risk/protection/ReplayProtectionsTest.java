package io.ztrade.risk.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunStatus;
import io.ztrade.alert.Alerts;
import io.ztrade.market.MarketCalendar;
import io.ztrade.backtest.BacktestReport;
import io.ztrade.backtest.FillModel;
import io.ztrade.backtest.PriceHistory;
import io.ztrade.backtest.ReplayEngine;
import io.ztrade.backtest.ReplayRequest;
import io.ztrade.backtest.ReplayResult;
import io.ztrade.backtest.SyntheticHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A backtest applies the agent's protections to its own fills, and keeps its trips to itself. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProtectionPipelineSupport.RecordedHolds.class)
class ReplayProtectionsTest extends ProtectionPipelineSupport {

    @Autowired
    ReplayEngine engine;
    @Autowired
    MarketCalendar calendar;
    @Autowired
    Alerts alerts;

    @Test
    void aBacktestTripsOnItsOwnFillsAndNeverHoldsTheLiveDesk() {
        // technical only, trading often, with tight limits: two weeks of synthetic 5-minute bars trip them
        Map<String, String> overrides = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", "0", "threshold", "0.1",
                "barTimeframe", "5Min", "maxDailyLoss", "20", "cooldownAfterLosses", "2", "cooldownPeriod", "30m",
                "allowShort", "true");
        Instant from = Instant.parse("2025-03-03T00:00:00Z");
        Instant to = Instant.parse("2025-03-15T00:00:00Z");
        AgentSettings settings = AgentSettings.fromParameters(engine.parameters("test_stock", overrides));
        PriceHistory history = new SyntheticHistory(calendar, 7, 250, 0.6, 0).load(settings, from.minus(Duration.ofDays(5)), to);
        double cooldownAlerts = alerts.count("protection-cooldown", "sent") + alerts.count("protection-cooldown", "held_back");

        ReplayRequest request = new ReplayRequest("test_stock", overrides, from, to, history, Map.of(), null,
                new FillModel(1, 5, 10), 100_000, null);
        ReplayResult result = engine.replay(request, ReplayEngine.Progress.NONE);

        assertThat(result.trips()).extracting(Trip::protection).contains("max-daily-loss", "cooldown");
        // every trip is on a run that it rejected, with its reason
        assertThat(result.trips()).allSatisfy(trip -> assertThat(result.runs()).anySatisfy(r -> {
            assertThat(r.scheduledAt()).isEqualTo(trip.at());
            assertThat(r.status()).isEqualTo(RunStatus.REJECTED_BY_RISK);
            assertThat(r.risk().reasons()).contains(trip.reason());
        }));
        // a daily loss holds the backtest's agent for the rest of its New York day: one trip a day at most, and every
        // later trade of that day rejected as held
        List<Trip> dailyLosses = result.trips().stream().filter(t -> t.protection().equals("max-daily-loss")).toList();
        assertThat(dailyLosses).extracting(t -> t.at().atZone(MarketCalendar.NEW_YORK).toLocalDate()).doesNotHaveDuplicates();
        for (Trip trip : dailyLosses) {
            List<AgentRun> laterThatDay = result.runs().stream().filter(r -> r.scheduledAt().isAfter(trip.at())
                    && r.scheduledAt().isBefore(trip.windowStart().plus(Duration.ofDays(1))) && r.risk() != null).toList();
            assertThat(laterThatDay).extracting(r -> r.scheduledAt() + " " + r.status() + " " + r.risk().reasons())
                    .allSatisfy(line -> assertThat(line).contains(" REJECTED_BY_RISK ")
                            .contains("agent test_stock is held by protection max-daily-loss since " + trip.at()));
        }
        assertThat(result.runs()).as("the next day trades again").anySatisfy(r -> {
            assertThat(r.scheduledAt()).isAfter(dailyLosses.get(0).windowStart().plus(Duration.ofDays(1)));
            assertThat(r.status()).isEqualTo(RunStatus.FILLED);
        });
        assertThat(BacktestReport.of(request, "synthetic", result).protectionTrips()).as("the report lists them")
                .hasSameSizeAs(result.trips()).first().asString()
                .isEqualTo(result.trips().get(0).at() + " " + result.trips().get(0).reason());
        assertThat(HOLDS).as("a backtest never holds the live desk").noneMatch(h -> h.scope().equals("test_stock"));
        assertThat(tripsRecorded("test_stock", "max-daily-loss") + tripsRecorded("test_stock", "cooldown")).isZero();
        assertThat(alerts.count("protection-cooldown", "sent") + alerts.count("protection-cooldown", "held_back"))
                .as("nor alerts").isEqualTo(cooldownAlerts);
    }
}
