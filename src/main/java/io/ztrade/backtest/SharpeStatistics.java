package io.ztrade.backtest;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * How far a Sharpe ratio can be trusted, after Bailey and López de Prado. Everything here is per period (the
 * returns' own period, not annualised), and the moments are Commons Math's sample estimators (sample standard
 * deviation, bias-corrected skewness and kurtosis).
 * <ul>
 * <li>Probabilistic Sharpe ratio, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), 2012:
 * PSR(SR*) = Φ((SR̂ − SR*) √(n − 1) / √(1 − γ3·SR̂ + (γ4 − 1)/4 · SR̂²)), the probability that the true Sharpe
 * ratio exceeds SR*, given n returns with skewness γ3 and kurtosis γ4 (3 for a normal distribution).</li>
 * <li>Deflated Sharpe ratio, "The Deflated Sharpe Ratio", Journal of Portfolio Management 40(5), 2014: PSR(SR₀),
 * SR₀ = √V · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))), the Sharpe ratio the best of N trials would show by
 * luck alone, V being the variance of the trials' Sharpe ratios and γ the Euler–Mascheroni constant.</li>
 * </ul>
 */
public final class SharpeStatistics {

    /** The Euler–Mascheroni constant. */
    public static final double EULER_MASCHERONI = 0.5772156649015329;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private SharpeStatistics() {
    }

    /** The per-period Sharpe ratio mean / sample standard deviation; null when fewer than 2 returns or no variation. */
    public static Double perPeriod(double[] returns) {
        if (returns.length < 2) {
            return null;
        }
        double sd = new StandardDeviation().evaluate(returns);
        return sd == 0 ? null : new Mean().evaluate(returns) / sd;
    }

    /**
     * The probability that the true per-period Sharpe ratio exceeds {@code benchmarkSharpe} (per period; 0 asks
     * "is it positive at all?"). Null when undefined: fewer than 4 returns (kurtosis needs 4), no variation, or
     * moments so extreme that the variance estimate is not positive.
     */
    public static Double probabilistic(double[] returns, double benchmarkSharpe) {
        Double sr = perPeriod(returns);
        if (sr == null || returns.length < 4) {
            return null;
        }
        double skewness = new Skewness().evaluate(returns);
        double kurtosis = new Kurtosis().evaluate(returns) + 3; // Commons Math gives the excess kurtosis
        double variance = 1 - skewness * sr + (kurtosis - 1) / 4 * sr * sr;
        if (!(variance > 0)) {
            return null;
        }
        return STANDARD_NORMAL.cumulativeProbability((sr - benchmarkSharpe) * Math.sqrt(returns.length - 1)
                / Math.sqrt(variance));
    }

    /**
     * The Sharpe ratio (per period) the best of {@code trials} independent trials is expected to reach with no skill,
     * given the variance of the trials' per-period Sharpe ratios. One trial selects nothing: 0.
     */
    public static double expectedMaxSharpe(int trials, double trialSharpeVariance) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        if (trialSharpeVariance < 0) {
            throw new IllegalArgumentException("trialSharpeVariance must not be negative, got " + trialSharpeVariance);
        }
        if (trials == 1) {
            return 0;
        }
        double g = EULER_MASCHERONI;
        return Math.sqrt(trialSharpeVariance) * ((1 - g) * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1.0 / trials)
                + g * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / (trials * Math.E)));
    }

    /**
     * The deflated Sharpe ratio of the chosen trial's {@code returns}: the probability its true Sharpe ratio is
     * positive once the selection among {@code trials} trials is accounted for. {@code trialSharpeVariance} is the
     * sample variance of all trials' per-period Sharpe ratios. Null when {@link #probabilistic} is.
     */
    public static Double deflated(double[] returns, int trials, double trialSharpeVariance) {
        return probabilistic(returns, expectedMaxSharpe(trials, trialSharpeVariance));
    }
}
