package io.ztrade.backtest;

import io.ztrade.broker.OrderSide;
import io.ztrade.market.MarketCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's formulas, each on plain numbers so its tests can check it by hand. Returns are per period (a New
 * York trading day in the report), the risk-free rate is 0, and a year has {@code periodsPerYear} periods (252 for
 * stocks, 365 for crypto).
 */
public final class BacktestMetrics {

    private BacktestMetrics() {
    }

    /** Simple returns between consecutive values: {@code v[i] / v[i-1] - 1}. */
    public static double[] returns(double[] values) {
        double[] r = new double[Math.max(0, values.length - 1)];
        for (int i = 1; i < values.length; i++) {
            r[i - 1] = values[i] / values[i - 1] - 1;
        }
        return r;
    }

    public static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /** Sample standard deviation (n - 1). */
    public static double stdev(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Annualised Sharpe ratio: mean / sample stdev x sqrt(periods per year); null when the stdev is 0. */
    public static Double sharpe(double[] returns, int periodsPerYear) {
        double sd = stdev(returns);
        return sd == 0 ? null : mean(returns) / sd * Math.sqrt(periodsPerYear);
    }

    /**
     * Annualised Sortino ratio: mean / downside deviation x sqrt(periods per year), the downside deviation being
     * sqrt(sum of min(r, 0)^2 / n) over all n returns; null when no return was negative.
     */
    public static Double sortino(double[] returns, int periodsPerYear) {
        double ss = 0;
        for (double r : returns) {
            if (r < 0) {
                ss += r * r;
            }
        }
        if (ss == 0) {
            return null;
        }
        return mean(returns) / Math.sqrt(ss / returns.length) * Math.sqrt(periodsPerYear);
    }

    /** Compound annual return: (end / start)^(periodsPerYear / periods) - 1. */
    public static double annualized(double start, double end, int periods, int periodsPerYear) {
        if (periods <= 0) {
            return 0;
        }
        return Math.pow(end / start, (double) periodsPerYear / periods) - 1;
    }

    /**
     * The largest fall from a running peak, as a fraction of that peak.
     *
     * @param recovery the first time after the trough the peak was regained; null if never
     */
    public record Drawdown(double max, Instant peak, Instant trough, Instant recovery, double[] series) {
    }

    public static Drawdown drawdown(List<Instant> times, double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        int peakAt = 0;
        double max = 0;
        int maxPeak = -1;
        int maxTrough = -1;
        for (int i = 0; i < equity.length; i++) {
            if (equity[i] > peak) {
                peak = equity[i];
                peakAt = i;
            }
            dd[i] = 1 - equity[i] / peak;
            if (dd[i] > max) {
                max = dd[i];
                maxPeak = peakAt;
                maxTrough = i;
            }
        }
        Instant recovery = null;
        if (maxTrough >= 0) {
            for (int i = maxTrough + 1; i < equity.length; i++) {
                if (equity[i] >= equity[maxPeak]) {
                    recovery = times.get(i);
                    break;
                }
            }
        }
        return new Drawdown(max, maxPeak < 0 ? null : times.get(maxPeak), maxTrough < 0 ? null : times.get(maxTrough),
                recovery, dd);
    }

    /** Closing trades (sells out of a long) and how many made money after fees. */
    public record Wins(int closingTrades, int winning) {
        public Double rate() {
            return closingTrades == 0 ? null : (double) winning / closingTrades;
        }
    }

    /**
     * Each sell out of a long is a closing trade; it wins when qty x (sell fill - average cost) minus its fee is
     * positive, the average cost including the buy fees.
     */
    public static Wins wins(List<PaperBroker.Fill> fills) {
        double qty = 0;
        double cost = 0;
        int closing = 0;
        int winning = 0;
        for (PaperBroker.Fill f : fills) {
            if (f.side() == OrderSide.BUY) {
                qty += f.qty();
                cost += f.qty() * f.fillPrice() + f.fee();
            } else if (qty > 0) {
                double sold = Math.min(qty, f.qty());
                double avg = cost / qty;
                double pnl = sold * (f.fillPrice() - avg) - f.fee();
                closing++;
                if (pnl > 0) {
                    winning++;
                }
                cost -= avg * sold;
                qty -= sold;
            }
        }
        return new Wins(closing, winning);
    }

    /** The last value of each New York day, in order, with the starting value in front. */
    public static double[] dailyCloses(double start, List<Instant> times, double[] values) {
        Map<LocalDate, Double> byDay = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byDay.put(times.get(i).atZone(MarketCalendar.NEW_YORK).toLocalDate(), values[i]);
        }
        List<Double> out = new ArrayList<>();
        out.add(start);
        out.addAll(byDay.values());
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
