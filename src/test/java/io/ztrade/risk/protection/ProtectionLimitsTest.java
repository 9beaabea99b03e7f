package io.ztrade.risk.protection;

import static io.ztrade.broker.OrderSide.BUY;
import static io.ztrade.broker.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.TestAgents;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.broker.OrderSide;
import io.ztrade.risk.TradingHolds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each protection just under, at and just over its limit, on records in memory; and each trip told once. */
class ProtectionLimitsTest {

    /** 2026-11-25 10:00 New York. */
    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    final List<Fill> fills = new ArrayList<>();
    final TreeMap<Instant, BigDecimal> prices = new TreeMap<>();
    final InMemoryProtectionTrips trips = new InMemoryProtectionTrips();
    final List<Trip> told = new ArrayList<>();
    final TradeHistory history = new TradeHistory() {
        @Override
        public List<Fill> fills(String agentId) {
            return fills.stream().filter(f -> agentId == null || f.agentId().equals(agentId)).toList();
        }

        @Override
        public Optional<BigDecimal> lastPrice(String agentId, Instant before) {
            return Optional.ofNullable(prices.lowerEntry(before)).map(Map.Entry::getValue);
        }

        @Override
        public Optional<PriceRange> priceRange(String agentId, Instant after, Instant before) {
            var span = prices.subMap(after, false, before, false).values();
            return span.isEmpty() ? Optional.empty()
                    : Optional.of(new PriceRange(span.stream().min(BigDecimal::compareTo).get(), span.stream().max(BigDecimal::compareTo).get()));
        }
    };

    static AgentSettings agent(String id, String... parameters) {
        Map<String, Object> p = TestAgents.defaults("TSLA", "us_equity");
        p.put("agentId", id);
        for (int i = 0; i < parameters.length; i += 2) {
            p.put(parameters[i], parameters[i + 1]);
        }
        return AgentSettings.fromParameters(p);
    }

    List<String> check(Protections protections, AgentSettings agent, OrderSide side, Instant at, String price) {
        return protections.check(RiskStep.limits(agent), "run-1", at, Double.parseDouble(price), side);
    }

    Protections only(Protection p) {
        return new Protections(List.of(p), history, trips, told::add);
    }

    void fill(String agentId, Instant at, OrderSide side, String qty, String price) {
        fills.add(new Fill(at, agentId, "TSLA", side, new BigDecimal(qty), new BigDecimal(price)));
        prices.put(at, new BigDecimal(price));
    }

    @ParameterizedTest(name = "10 bought at 100, now {0}: drawdown limit 100 trips {1}")
    @CsvSource({"90.01, false", "90, false", "89.99, true"})
    void agentMaxDrawdownFromTheFill(String price, boolean trips) {
        AgentSettings a = agent("a1", "maxDrawdown", "100");
        fill("a1", NOW.minusSeconds(3600), BUY, "10", "100");
        List<String> reasons = check(only(MaxDrawdownProtection.agent()), a, BUY, NOW, price);
        assertThat(!reasons.isEmpty()).isEqualTo(trips);
        if (trips) {
            assertThat(reasons).singleElement().isEqualTo("protection max-drawdown: agent a1's P&L is $100.10 below its peak"
                    + " ($0.00 to -$100.10), limit maxDrawdown $100.00; the agent is halted until an operator lifts the hold");
            assertThat(told).singleElement().satisfies(t -> {
                assertThat(t.scope()).isEqualTo("a1");
                assertThat(t.holds()).isTrue();
            });
        }
    }

    @ParameterizedTest(name = "10 bought at 100, a run saw 120 since, now {0}: drawdown limit 100 trips {1}")
    @CsvSource({"110.01, false", "110, false", "109.99, true"})
    void agentMaxDrawdownFromTheBestPriceARunSawSinceTheFill(String price, boolean trips) {
        AgentSettings a = agent("a1", "maxDrawdown", "100");
        fill("a1", NOW.minusSeconds(3600), BUY, "10", "100");
        prices.put(NOW.minusSeconds(1800), new BigDecimal("120"));
        assertThat(!check(only(MaxDrawdownProtection.agent()), a, BUY, NOW, price).isEmpty()).isEqualTo(trips);
    }

    @Test
    void aDrawdownTripsOnceAndTheNextWindowStartsAtTheTrip() {
        AgentSettings a = agent("a1", "maxDrawdown", "100");
        Protections p = only(MaxDrawdownProtection.agent());
        fill("a1", NOW.minusSeconds(3600), BUY, "10", "100");
        assertThat(check(p, a, BUY, NOW, "85")).hasSize(1);
        assertThat(told).hasSize(1);
        // after the trip (an operator lifted the hold): from -150 on, another 100 is allowed
        assertThat(check(p, a, BUY, NOW.plusSeconds(60), "76")).isEmpty();
        assertThat(check(p, a, BUY, NOW.plusSeconds(120), "74.99")).hasSize(1);
        assertThat(told).hasSize(2);
    }

    @ParameterizedTest(name = "held overnight from 100, closed yesterday at 120, now {0}: daily loss limit 100 trips {1}")
    @CsvSource({"110.01, false", "110, false", "109.99, true"})
    void agentMaxDailyLossCountsFromYesterdaysLastPrice(String price, boolean trips) {
        AgentSettings a = agent("a1", "maxDailyLoss", "100");
        fill("a1", NOW.minus(Duration.ofDays(2)), BUY, "10", "100");
        prices.put(Instant.parse("2026-11-24T20:59:00Z"), new BigDecimal("120"));
        List<String> reasons = check(only(MaxDailyLossProtection.agent()), a, BUY, NOW, price);
        assertThat(!reasons.isEmpty()).isEqualTo(trips);
        if (trips) {
            assertThat(reasons).singleElement().isEqualTo("protection max-daily-loss: agent a1 lost $100.10 today (P&L $200.00"
                    + " to $99.90), limit maxDailyLoss $100.00; the agent is halted until an operator lifts the hold");
        }
    }

    @Test
    void aDailyLossCountsWhatWasRealizedTodayAndTripsOncePerWindow() {
        AgentSettings a = agent("a1", "maxDailyLoss", "50");
        Protections p = only(MaxDailyLossProtection.agent());
        fill("a1", Instant.parse("2026-11-25T14:40:00Z"), BUY, "10", "100");
        fill("a1", Instant.parse("2026-11-25T14:50:00Z"), SELL, "5", "94");
        assertThat(check(p, a, BUY, NOW, "94")).as("-30 realized, -30 open").singleElement().asString()
                .contains("lost $60.00 today");
        assertThat(told).as("told once").hasSize(1);
        // the window restarts at the trip (-60): the hold, not the protection, stops the runs until it is lifted
        assertThat(check(p, a, BUY, NOW.plusSeconds(60), "88.99")).isEmpty();
        assertThat(check(p, a, BUY, NOW.plusSeconds(120), "83.99")).as("another 50.05 lost since the trip").singleElement()
                .asString().contains("lost $50.05 since the last trip at 2026-11-25T15:00:00Z");
        assertThat(told).hasSize(2);
        // the next day starts afresh, from the last price before midnight
        assertThat(check(p, a, BUY, NOW.plus(Duration.ofDays(1)), "94")).isEmpty();
    }

    @Test
    void aCooldownFollowsTheNthLosingCloseInARowAndExpiresOnItsOwn() {
        AgentSettings a = agent("a1", "cooldownAfterLosses", "3", "cooldownPeriod", "60m");
        Protections p = only(new LosingStreakCooldown());
        Instant t = Instant.parse("2026-11-25T14:00:00Z");
        fill("a1", t, BUY, "1", "100");
        fill("a1", t.plusSeconds(60), SELL, "1", "99");
        fill("a1", t.plusSeconds(120), BUY, "1", "100");
        fill("a1", t.plusSeconds(180), SELL, "1", "101");
        assertThat(check(p, a, BUY, t.plusSeconds(200), "100")).as("a win ended the first streak").isEmpty();
        fill("a1", t.plusSeconds(240), BUY, "1", "100");
        fill("a1", t.plusSeconds(300), SELL, "1", "98");
        fill("a1", t.plusSeconds(360), BUY, "1", "100");
        fill("a1", t.plusSeconds(420), SELL, "1", "97");
        assertThat(check(p, a, BUY, t.plusSeconds(450), "100")).as("two losses in a row").isEmpty();
        fill("a1", t.plusSeconds(480), BUY, "2", "100");
        fill("a1", t.plusSeconds(540), SELL, "1", "96");
        Instant lockedUntil = t.plusSeconds(540).plus(Duration.ofMinutes(60));
        assertThat(check(p, a, BUY, t.plusSeconds(600), "100")).singleElement().isEqualTo("protection cooldown: agent a1 lost"
                + " 3 closing trades in a row, the last at 2026-11-25 09:09 New York; no new position until 2026-11-25 10:09"
                + " (cooldownAfterLosses=3, cooldownPeriod=1h)");
        assertThat(check(p, a, SELL, t.plusSeconds(660), "100")).as("selling what is held still goes").isEmpty();
        assertThat(check(p, a, BUY, lockedUntil.minusSeconds(1), "100")).hasSize(1);
        assertThat(told).as("one alert for the lock").singleElement().satisfies(trip -> assertThat(trip.holds()).isFalse());
        assertThat(check(p, a, BUY, lockedUntil, "100")).as("expired").isEmpty();
    }

    @Test
    void theDeskAddsEveryAgentsPnlTogether() {
        DeskProtectionProperties desk = new DeskProtectionProperties(new BigDecimal("150"), new BigDecimal("150"));
        AgentSettings a = agent("a1");
        fill("a1", NOW.minusSeconds(3600), BUY, "10", "100");
        fills.add(new Fill(NOW.minusSeconds(3000), "a2", "IWM", BUY, new BigDecimal("10"), new BigDecimal("200")));
        fills.add(new Fill(NOW.minusSeconds(2000), "a2", "IWM", SELL, new BigDecimal("10"), new BigDecimal("192")));
        // a2 realized -80; a1 at 93 is -70: the desk is 150 down, at both limits
        assertThat(check(only(MaxDrawdownProtection.desk(desk)), a, BUY, NOW, "93")).isEmpty();
        assertThat(check(only(MaxDailyLossProtection.desk(desk)), a, BUY, NOW, "93")).isEmpty();
        assertThat(check(only(MaxDrawdownProtection.desk(desk)), a, BUY, NOW, "92.99")).singleElement().asString()
                .startsWith("protection desk-max-drawdown: the desk's P&L (all agents) is $150.10 below its peak");
        assertThat(check(only(MaxDailyLossProtection.desk(desk)), a, BUY, NOW, "92.99")).singleElement().asString()
                .startsWith("protection desk-max-daily-loss: the desk (all agents) lost $150.10 today");
        assertThat(told).extracting(Trip::scope).containsExactly(TradingHolds.DESK, TradingHolds.DESK);
    }

    @Test
    void aHoldThatFailsIsNotLostTheRetryHoldsAgain() {
        AgentSettings a = agent("a1", "maxDrawdown", "100");
        fill("a1", NOW.minusSeconds(3600), BUY, "10", "100");
        List<Trip> held = new ArrayList<>();
        boolean[] holdsDown = {true};
        Protections p = new Protections(List.of(MaxDrawdownProtection.agent()), history, trips, trip -> {
            if (holdsDown[0]) {
                throw new IllegalStateException("desk state unreachable");
            }
            held.add(trip);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(p, a, BUY, NOW, "85"))
                .hasMessage("desk state unreachable");
        assertThat(trips.last("a1", "max-drawdown")).as("taken back").isEmpty();
        holdsDown[0] = false;
        assertThat(check(p, a, BUY, NOW, "85")).hasSize(1);
        assertThat(held).hasSize(1);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "maxDrawdown|-1|agent a1: parameter 'maxDrawdown' must be dollars, 0 for off, got -1",
            "maxDailyLoss|500 dollars|agent a1: parameter 'maxDailyLoss' '500 dollars' is not a number",
            "cooldownAfterLosses|-2|agent a1: parameter 'cooldownAfterLosses' must be between 0 (off) and 1000 losing trades, got -2",
            "cooldownPeriod|60 minutes|agent a1: parameter 'cooldownPeriod' '60 minutes' is not a period such as 90s, 60m, 4h or 1d",
            "cooldownPeriod|0m|agent a1: parameter 'cooldownPeriod' must be longer than 0 (turn the cooldown off with cooldownAfterLosses=0)"})
    void aBadProtectionSettingNamesTheAgentAndTheField(String field, String value, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> agent("a1", field, value)).hasMessage(message);
    }

    @Test
    void periodsReadAsTradersWriteThem() {
        assertThat(agent("a1", "cooldownPeriod", "90s").protections().cooldownPeriod()).isEqualTo(Duration.ofSeconds(90));
        assertThat(agent("a1", "cooldownPeriod", "4h").protections().cooldownPeriod()).isEqualTo(Duration.ofHours(4));
        assertThat(agent("a1", "cooldownPeriod", "1d").protections().cooldownPeriod()).isEqualTo(Duration.ofDays(1));
        assertThat(agent("a1", "cooldownPeriod", "PT1H30M").protections().cooldownPeriod()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void protectionsThatAreOffReadNoRecords() {
        AgentSettings a = agent("a1");
        TradeHistory unreadable = new TradeHistory() {
            @Override
            public List<Fill> fills(String agentId) {
                throw new AssertionError("read");
            }

            @Override
            public Optional<BigDecimal> lastPrice(String agentId, Instant before) {
                throw new AssertionError("read");
            }

            @Override
            public Optional<PriceRange> priceRange(String agentId, Instant after, Instant before) {
                throw new AssertionError("read");
            }
        };
        DeskProtectionProperties off = new DeskProtectionProperties(BigDecimal.ZERO, BigDecimal.ZERO);
        Protections all = new Protections(List.of(MaxDrawdownProtection.agent(), MaxDailyLossProtection.agent(),
                new LosingStreakCooldown(), MaxDrawdownProtection.desk(off), MaxDailyLossProtection.desk(off)),
                unreadable, trips, told::add);
        assertThat(check(all, a, BUY, NOW, "100")).isEmpty();
    }
}
