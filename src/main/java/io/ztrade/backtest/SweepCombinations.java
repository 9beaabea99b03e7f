package io.ztrade.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sweep's parameter combinations: every value of every axis over the spec's own parameters. */
final class SweepCombinations {

    private SweepCombinations() {
    }

    /** Every combination of the sweep's values over {@code base}; sized (overflow-safe) before one is built. */
    static List<Map<String, String>> of(Map<String, String> base, Map<String, List<Object>> sweep, int max) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>(base));
        if (sweep == null) {
            return combos;
        }
        checkSize(sweep, max);
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combo : combos) {
                for (Object value : axis.getValue()) {
                    Map<String, String> c = new LinkedHashMap<>(combo);
                    c.put(axis.getKey(), String.valueOf(value));
                    next.add(c);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static void checkSize(Map<String, List<Object>> sweep, int max) {
        long size = 1;
        StringBuilder axes = new StringBuilder();
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
            if (axis.getValue() == null || axis.getValue().isEmpty()) {
                throw new IllegalArgumentException("sweep '" + CsvHistory.printable(axis.getKey()) + "' has no values");
            }
            // saturates instead of overflowing: any size past the cap is refused alike
            size = Math.min(size * axis.getValue().size(), Long.MAX_VALUE / Integer.MAX_VALUE);
            axes.append(axes.isEmpty() ? "" : " x ").append(CsvHistory.printable(axis.getKey())).append(' ').append(axis.getValue().size());
        }
        if (size > max) {
            throw new IllegalArgumentException("sweep of " + (size >= Long.MAX_VALUE / Integer.MAX_VALUE ? "more than " + size : size)
                    + " combinations (" + (axes.length() > 300 ? axes.substring(0, 300) + "..." : axes)
                    + ") is more than ztrade.backtest.max-combinations (" + max + "); sweep fewer values");
        }
    }

    /** The spec's parameters as the template takes them: strings. */
    static Map<String, String> strings(Map<String, Object> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }
}
