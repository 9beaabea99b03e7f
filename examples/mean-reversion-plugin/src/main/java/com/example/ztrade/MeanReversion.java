package com.example.ztrade;

import io.ztrade.plugin.api.Market;
import io.ztrade.plugin.api.Parameter;
import io.ztrade.plugin.api.Settings;
import io.ztrade.plugin.api.Signal;
import io.ztrade.plugin.api.Strategy;
import java.util.List;
import java.util.Map;

/**
 * Mean reversion: a price far below its recent mean is a buy, far above it a sell. The signal is minus the price's
 * z-score over the last {@code window} closes, divided by {@code entryZ} and clipped to [-1, 1].
 * An agent uses it with {@code strategy: meanReversion} (and, say, {@code meanReversion.window: 30}).
 */
public class MeanReversion implements Strategy {

    @Override
    public String name() {
        return "meanReversion";
    }

    @Override
    public String description() {
        return "buys a price far below its mean of the last window closes, sells one far above it";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("window", 20, 2, 500, "closes the mean and standard deviation are taken over"),
                Parameter.decimal("entryZ", 2.0, 0.1, 10, "the z-score that gives a full signal (-1 or 1)"));
    }

    @Override
    public Signal signal(Market market, Settings settings) {
        int window = settings.integer("window");
        double[] closes = market.closes();
        if (closes.length < window) {
            return Signal.none("only " + closes.length + " bars, the window is " + window);
        }
        double mean = 0;
        for (int i = closes.length - window; i < closes.length; i++) {
            mean += closes[i];
        }
        mean /= window;
        double variance = 0;
        for (int i = closes.length - window; i < closes.length; i++) {
            variance += (closes[i] - mean) * (closes[i] - mean);
        }
        double sd = Math.sqrt(variance / window);
        if (sd == 0) {
            return new Signal(0, 0, Map.of("mean", mean), "no movement in the window");
        }
        double z = (market.price() - mean) / sd;
        double value = Math.max(-1, Math.min(1, -z / settings.decimal("entryZ")));
        return new Signal(value, 1, Map.of("mean", mean, "zScore", z), null);
    }
}
