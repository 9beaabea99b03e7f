package io.ztrade.backtest;

import io.ztrade.broker.OrderSide;
import io.ztrade.market.MarketCalendar;
import java.time.Duration;
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

    /** Compound annual return: (end / start)^(periodsPerYear / periods) - 1; -1 when nothing (or less) is left. */
    public static double annualized(double start, double end, int periods, int periodsPerYear) {
        if (periods <= 0) {
            return 0;
        }
        if (end <= 0) {
            return -1; // all lost (fees can take a long-only account below 0): a negative base has no real power
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

    /** How many of the closing trades made money after fees (pnl above 0). */
    public static Wins wins(List<PaperBroker.Fill> fills) {
        List<ClosedTrade> trades = closedTrades(fills);
        return new Wins(trades.size(), (int) trades.stream().filter(t -> t.pnl() > 0).count());
    }

    /**
     * One sell out of a long.
     *
     * @param opened when the units sold were bought on average (the buys' times weighted by their quantity)
     * @param closed the sell's time
     * @param pnl    qty x (sell fill - average cost) - the sell's fee, the average cost including the buy fees
     */
    public record ClosedTrade(Instant opened, Instant closed, double qty, double pnl) {

        public Duration holding() {
            return Duration.between(opened, closed);
        }
    }

    /**
     * Each sell out of a long is a closing trade, on average-cost accounting: a sell takes the held units' average
     * cost (buy fees included) and their average purchase time with it.
     */
    public static List<ClosedTrade> closedTrades(List<PaperBroker.Fill> fills) {
        List<ClosedTrade> out = new ArrayList<>();
        double qty = 0;
        double cost = 0;
        double boughtAtSum = 0; // sum of qty x epoch seconds of the units held
        for (PaperBroker.Fill f : fills) {
            if (f.side() == OrderSide.BUY) {
                qty += f.qty();
                cost += f.qty() * f.fillPrice() + f.fee();
                boughtAtSum += f.qty() * epochSeconds(f.at());
            } else if (qty > 0) {
                double sold = Math.min(qty, f.qty());
                double avgCost = cost / qty;
                double avgBoughtAt = boughtAtSum / qty;
                out.add(new ClosedTrade(ofEpochSeconds(avgBoughtAt), f.at(), sold,
                        sold * (f.fillPrice() - avgCost) - f.fee()));
                cost -= avgCost * sold;
                boughtAtSum -= avgBoughtAt * sold;
                qty -= sold;
            }
        }
        return out;
    }

    /** Gross profit / gross loss (as a positive number) of the trades' pnl; null when no trade lost. */
    public static Double profitFactor(double[] pnl) {
        double gains = 0;
        double losses = 0;
        for (double p : pnl) {
            if (p > 0) {
                gains += p;
            } else {
                losses -= p;
            }
        }
        return losses == 0 ? null : gains / losses;
    }

    /**
     * The average pnl per trade in dollars (= win rate x average win - loss rate x average loss); null with no
     * trade.
     */
    public static Double expectancy(double[] pnl) {
        return pnl.length == 0 ? null : mean(pnl);
    }

    /** The longest run of consecutive losing trades (pnl below 0); a trade that breaks even ends the run. */
    public static int maxConsecutiveLosses(double[] pnl) {
        int longest = 0;
        int current = 0;
        for (double p : pnl) {
            current = p < 0 ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return longest;
    }

    /** The mean of the trades' holding times; null with no trade. */
    public static Duration averageHoldingTime(List<ClosedTrade> trades) {
        if (trades.isEmpty()) {
            return null;
        }
        double seconds = 0;
        for (ClosedTrade t : trades) {
            seconds += t.holding().toNanos() / 1e9;
        }
        return Duration.ofNanos(Math.round(seconds / trades.size() * 1e9));
    }

    /** Calmar ratio: annualised return / maximum drawdown (both fractions); null when there was no drawdown. */
    public static Double calmar(double annualizedReturn, double maxDrawdown) {
        return maxDrawdown == 0 ? null : annualizedReturn / maxDrawdown;
    }

    private static double epochSeconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private static Instant ofEpochSeconds(double seconds) {
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
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
