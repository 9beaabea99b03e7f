package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The probabilistic and deflated Sharpe ratios against values worked out by hand (the working is in the comments;
 * Φ and Φ⁻¹ read from a normal table to 7 digits).
 */
class SharpeStatisticsTest {

    // n = 4, mean 0.01; deviations (in 0.01) -1 -1 -1 3: squares 12 / 3 = 4 -> sample stdev 0.02, SR = 0.5.
    // Standardised deviations -0.5 -0.5 -0.5 1.5. Skewness (bias-corrected) n/((n-1)(n-2)) x sum z^3
    // = 4/6 x (-0.375 + 3.375) = 2. Kurtosis (bias-corrected, excess) n(n+1)/((n-1)(n-2)(n-3)) x sum z^4
    // - 3(n-1)^2/((n-2)(n-3)) = 20/6 x 5.25 - 27/2 = 17.5 - 13.5 = 4 -> kurtosis 7.
    static final double[] SKEWED = {0, 0, 0, 0.04};

    // n = 5, mean 0.01; deviations (in 0.01) -2 -1 0 1 2: squares 10 / 4 = 2.5 -> SR = 1 / sqrt(2.5) = sqrt(0.4)
    // = 0.6324555. Symmetric, so skewness 0. sum z^4 = 34 / 6.25 = 5.44; 30/24 x 5.44 - 3 x 16/6 = 6.8 - 8 = -1.2
    // -> kurtosis 1.8.
    static final double[] SYMMETRIC = {-0.01, 0, 0.01, 0.02, 0.03};

    @Test
    void thePerPeriodSharpeIsTheMeanOverTheSampleStdev() {
        assertThat(SharpeStatistics.perPeriod(SKEWED)).isCloseTo(0.5, within(1e-12));
        assertThat(SharpeStatistics.perPeriod(SYMMETRIC)).isCloseTo(0.6324555, within(1e-7));
        assertThat(SharpeStatistics.perPeriod(new double[] {0.01, 0.01})).as("no variation").isNull();
    }

    @Test
    void theProbabilisticSharpeRatioUsesTheKurtosisOfTheReturns() {
        // 1 - 0 x SR + (1.8 - 1)/4 x 0.4 = 1.08; z = 0.6324555 x sqrt(4) / sqrt(1.08) = 1.2649111 / 1.0392305
        // = 1.2171612; Φ(1.2171612) = 0.8882286
        assertThat(SharpeStatistics.probabilistic(SYMMETRIC, 0)).isCloseTo(0.8882286, within(1e-6));
    }

    @Test
    void theProbabilisticSharpeRatioPenalisesPositiveSkewAgainstTheBenchmark() {
        // 1 - 2 x 0.5 + (7 - 1)/4 x 0.25 = 0.375; against SR* = 0: z = 0.5 x sqrt(3) / sqrt(0.375) = sqrt(2)
        // = 1.4142136, Φ = 0.9213504; against SR* = 0.1: z = 0.4 x sqrt(3) / sqrt(0.375) = 1.1313708, Φ = 0.8710505
        assertThat(SharpeStatistics.probabilistic(SKEWED, 0)).isCloseTo(0.9213504, within(1e-6));
        assertThat(SharpeStatistics.probabilistic(SKEWED, 0.1)).isCloseTo(0.8710505, within(1e-6));
    }

    @Test
    void theProbabilisticSharpeRatioIsUndefinedWithTooFewOrFlatReturns() {
        assertThat(SharpeStatistics.probabilistic(new double[] {0.01, 0.02, 0.03}, 0)).as("kurtosis needs 4").isNull();
        assertThat(SharpeStatistics.probabilistic(new double[] {0.01, 0.01, 0.01, 0.01}, 0)).isNull();
    }

    @Test
    void theExpectedMaximumSharpeOfTenTrialsFollowsTheDeflatedSharpePaper() {
        // N = 10, V = 0.01: Φ⁻¹(1 - 1/10) = Φ⁻¹(0.9) = 1.2815516; Φ⁻¹(1 - 1/(10e)) = Φ⁻¹(0.9632121) = 1.7892418;
        // SR0 = 0.1 x (0.4227843 x 1.2815516 + 0.5772157 x 1.7892418) = 0.1 x (0.5418186 + 1.0327796) = 0.1574598
        assertThat(SharpeStatistics.expectedMaxSharpe(10, 0.01)).isCloseTo(0.1574598, within(1e-6));
        assertThat(SharpeStatistics.expectedMaxSharpe(1, 0.01)).as("one trial selects nothing").isZero();
        assertThatThrownBy(() -> SharpeStatistics.expectedMaxSharpe(0, 0.01)).hasMessageContaining("trials");
        assertThatThrownBy(() -> SharpeStatistics.expectedMaxSharpe(5, -1)).hasMessageContaining("trialSharpeVariance");
    }

    @Test
    void theDeflatedSharpeRatioIsThePsrAgainstTheExpectedMaximum() {
        // z = (0.5 - 0.1574598) x sqrt(3) / sqrt(0.375) = 0.3425402 x 2.8284271 = 0.9688499; Φ = 0.8336900
        assertThat(SharpeStatistics.deflated(SKEWED, 10, 0.01)).isCloseTo(0.8336900, within(1e-6));
        // more trials, a higher bar, a lower probability
        assertThat(SharpeStatistics.deflated(SKEWED, 1000, 0.01)).isLessThan(SharpeStatistics.deflated(SKEWED, 10, 0.01));
    }
}
