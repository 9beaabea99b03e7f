package io.ztrade.backtest.optimize;

import java.math.BigDecimal;

/**
 * One template parameter the optimiser searches, between {@code lo} and {@code hi} inclusive; an integer parameter
 * (its template value is a whole number, e.g. {@code rsiPeriod}) is tried at whole numbers only.
 */
public record ParameterRange(String name, double lo, double hi, boolean integer) {

    /**
     * The value at {@code u} in [0, 1] of the range: a whole number for an integer parameter, else rounded to a
     * power of ten near a thousandth of the range (0.05..0.4 in steps of 0.0001), so reports read and trials that
     * differ by less are replayed once.
     */
    public double at(double u) {
        double x = lo + Math.min(1, Math.max(0, u)) * (hi - lo);
        if (integer) {
            return Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(x)));
        }
        if (hi == lo) {
            return lo;
        }
        // within a double's exponents: a range of 5e-324 has a thousandth of 0, whose log is -infinity (an
        // ArithmeticException from BigDecimal, a 500 over the API)
        int power = (int) Math.max(-320, Math.floor(Math.log10((hi - lo) / 1000)));
        BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(power);
        double rounded = BigDecimal.valueOf(x).divide(step, 0, java.math.RoundingMode.HALF_UP).multiply(step).doubleValue();
        return Math.min(hi, Math.max(lo, rounded));
    }

    /** As the template takes it: "14" for an integer, else the shortest decimal ("0.25"). */
    public String text(double value) {
        return integer ? String.valueOf((long) value) : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
