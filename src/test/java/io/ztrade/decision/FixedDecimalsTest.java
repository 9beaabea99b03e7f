package io.ztrade.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FixedDecimals} writes what {@code String.format(Locale.ROOT, "%+.3f")} and {@code "%.2f"} write. */
class FixedDecimalsTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 0.0005, -0.0005, 0.00049999, -0.0004, 0.15, 0.125, 0.1245, 2.675, 1.0005,
            -1.0005, 0.9995, -0.9995, 99.9995, 1e-9, -1e-9, 1e9, 123456.7894, 0.6, 0.4, 1 - 0.6, 4.35, 1.005, 1.015,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY})
    void writesWhatTheFormatterWrites(double value) {
        assertSame(value);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void writesWhatTheFormatterWritesForRandomScoresAndWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 5_000; i++) {
            // scores in [-1, 1], weights in [0, 1], and values on the rounding boundaries of 2 and 3 places
            assertSame(random.nextDouble(-1, 1));
            assertSame(random.nextInt(-20_000, 20_000) / 10_000.0 + 0.0005 * random.nextInt(-1, 2));
            assertSame(random.nextInt(-2_000, 2_000) / 1_000.0 + 0.005);
        }
    }

    private static void assertSame(double value) {
        for (int decimals : new int[] {2, 3}) {
            assertThat(FixedDecimals.append(new StringBuilder(), value, decimals, true).toString())
                    .as("%+." + decimals + "f of " + value)
                    .isEqualTo(String.format(Locale.ROOT, "%+." + decimals + "f", value));
            assertThat(FixedDecimals.append(new StringBuilder(), value, decimals, false).toString())
                    .as("%." + decimals + "f of " + value)
                    .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
        }
    }
}
