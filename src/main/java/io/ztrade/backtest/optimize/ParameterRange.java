package io.ztrade.backtest.optimize;

import java.math.BigDecimal;

/**
 * One template parameter the optimiser searches, between {@code lo} and {@code hi} inclusive; an integer parameter
 * (its template value is a whole number, e.g. {@code rsiPeriod}) is tried at whole numbers only.
 */
public record ParameterRange(String name, double lo, double hi, boolean integer) {

    /** The value at {@code u} in [0, 1] of the range, rounded to a whole number for an integer parameter. */
    public double at(double u) {
        double x = lo + Math.min(1, Math.max(0, u)) * (hi - lo);
        return integer ? Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(x))) : x;
    }

    /** As the template takes it: "14" for an integer, else the shortest decimal ("0.25"). */
    public String text(double value) {
        return integer ? String.valueOf((long) value) : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
