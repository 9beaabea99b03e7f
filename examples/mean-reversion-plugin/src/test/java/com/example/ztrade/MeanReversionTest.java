package com.example.ztrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztrade.plugin.api.Action;
import io.ztrade.plugin.api.Bar;
import io.ztrade.plugin.api.Decision;
import io.ztrade.plugin.api.Market;
import io.ztrade.plugin.api.ProposedOrder;
import io.ztrade.plugin.api.Settings;
import io.ztrade.plugin.api.Signal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's steps on their own inputs, as Ztrade calls them (no Ztrade needed: the API's values only). */
class MeanReversionTest {

    private static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");

    private static Market market(double price, double... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(new Bar(T0.plusSeconds(300L * i), closes[i], closes[i], closes[i], closes[i], 100));
        }
        return new Market("TEST", "us_equity", T0.plusSeconds(300L * closes.length), price, bars);
    }

    private static Settings settings(int window, double entryZ) {
        return new Settings("agent_test", Map.of("window", window, "entryZ", entryZ), Map.of());
    }

    @Test
    void aPriceFarBelowItsMeanIsAFullBuy() {
        // closes 9 and 11 alternate: mean 10, standard deviation 1; a price of 7 is 3 deviations below
        Signal s = new MeanReversion().signal(market(7, 9, 11, 9, 11), settings(4, 2.0));
        assertEquals(1.0, s.value(), 1e-12);
        assertEquals(-3.0, s.details().get("zScore"), 1e-12);
    }

    @Test
    void aPriceOneDeviationAboveItsMeanIsHalfASell() {
        Signal s = new MeanReversion().signal(market(11, 9, 11, 9, 11), settings(4, 2.0));
        assertEquals(-0.5, s.value(), 1e-12);
    }

    @Test
    void tooFewBarsGiveNoSignal() {
        Signal s = new MeanReversion().signal(market(10, 9, 11), settings(4, 2.0));
        assertEquals(0, s.confidence());
        assertTrue(s.reason().contains("only 2 bars"));
    }

    @Test
    void maxPriceRefusesADearBuyOnly() {
        Settings limit = new Settings("agent_test", Map.of("limit", 100.0), Map.of());
        Decision why = new Decision(Action.BUY, 0.5, 1, "test");
        assertFalse(new MaxPrice().check(new ProposedOrder("agent_test", "TEST", Action.BUY, BigDecimal.TEN, 101, T0, why), limit).approved());
        assertTrue(new MaxPrice().check(new ProposedOrder("agent_test", "TEST", Action.BUY, BigDecimal.TEN, 99, T0, why), limit).approved());
        assertTrue(new MaxPrice().check(new ProposedOrder("agent_test", "TEST", Action.SELL, BigDecimal.TEN, 101, T0, why), limit).approved());
    }
}
