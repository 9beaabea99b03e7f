package io.ztrade.backtest.optimize;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The windows of a walk-forward analysis over New York days, {@code train=6M,test=1M}: each in-sample (train) window
 * is followed at once by its out-of-sample (test) window; the next pair starts one test length later, so the test
 * windows tile the range after the first train window without overlap, and the last one may be shorter (it ends on
 * the range's last day).
 */
public final class WalkForwardWindows {

    /** One step, days inclusive: optimise over train, then test the winner over test (which starts the day after). */
    public record Window(int index, LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom, LocalDate testTo) {
    }

    /** The two lengths, e.g. 6 months and 1 month. */
    public record Lengths(Period train, Period test) {
    }

    private WalkForwardWindows() {
    }

    /** {@code train=6M,test=1M}; a length is a count and a unit: D (days), W (weeks), M (months) or Y (years). */
    public static Lengths parse(String text) {
        Period train = null;
        Period test = null;
        for (String item : (text == null ? "" : text).split(",")) {
            String[] kv = item.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("walk-forward takes train=LENGTH,test=LENGTH, e.g. train=6M,test=1M; got '" + text + "'");
            }
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "train" -> train = once("train", train, kv[1]);
                case "test" -> test = once("test", test, kv[1]);
                default -> throw new IllegalArgumentException("walk-forward has train and test, not '" + kv[0].trim() + "'");
            }
        }
        if (train == null || test == null) {
            throw new IllegalArgumentException("walk-forward needs both train and test, e.g. train=6M,test=1M; got '" + text + "'");
        }
        return new Lengths(train, test);
    }

    /** The windows over {@code from..to} (inclusive); at least one whole train window and one test day must fit. */
    public static List<Window> of(LocalDate from, LocalDate to, Lengths lengths) {
        List<Window> windows = new ArrayList<>();
        LocalDate firstTest = from.plus(lengths.train());
        for (int k = 0; ; k++) {
            // each test start counted from the first one, and each test ending the day before the next starts, so
            // months of different lengths neither overlap nor leave a gap
            LocalDate testFrom = firstTest.plus(lengths.test().multipliedBy(k));
            if (testFrom.isAfter(to)) {
                break;
            }
            LocalDate testEnd = firstTest.plus(lengths.test().multipliedBy(k + 1)).minusDays(1);
            windows.add(new Window(k + 1, testFrom.minus(lengths.train()), testFrom.minusDays(1), testFrom,
                    testEnd.isAfter(to) ? to : testEnd));
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("walk-forward train " + lengths.train() + " leaves no test day between " + from
                    + " and " + to + "; backtest a longer range or train on less");
        }
        return windows;
    }

    /** A length given once: {@code train=1D,test=1D,train=2D} is a mistake, not the last one winning. */
    private static Period once(String which, Period earlier, String text) {
        if (earlier != null) {
            throw new IllegalArgumentException("walk-forward names " + which + " twice");
        }
        return length(which, text);
    }

    private static Period length(String which, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (!t.matches("[1-9]\\d{0,3}[DWMY]")) {
            throw new IllegalArgumentException("walk-forward " + which + " '" + text.trim()
                    + "' is not a length like 6M (D days, W weeks, M months, Y years)");
        }
        int n = Integer.parseInt(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 'D' -> Period.ofDays(n);
            case 'W' -> Period.ofWeeks(n);
            case 'M' -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }
}
