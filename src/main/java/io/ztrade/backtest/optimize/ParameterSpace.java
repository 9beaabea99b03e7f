package io.ztrade.backtest.optimize;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code threshold=0.05:0.4,sentimentWeight=0:1} (the command line's {@code --optimize}, the API's
 * {@code optimize}) and checks each name and range against the agent's template parameters, so that every mistake is
 * an {@link IllegalArgumentException} naming the parameter.
 */
public final class ParameterSpace {

    private ParameterSpace() {
    }

    /** Each {@code name=lo:hi}, comma-separated. */
    public static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'optimize' is required: NAME=LO:HI,..., e.g. threshold=0.05:0.4,sentimentWeight=0:1");
        }
        Map<String, String> ranges = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("optimize takes NAME=LO:HI, got '" + item.trim() + "'");
            }
            String name = item.substring(0, eq).trim();
            if (ranges.put(name, item.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("optimize names '" + name + "' twice");
            }
        }
        return ranges;
    }

    /**
     * The ranges, checked against {@code template} (the agent's parameters and their values): a known, numeric,
     * non-wiring parameter each, with numbers {@code lo <= hi}; integer when the template's value is a whole number.
     */
    public static List<ParameterRange> check(Map<String, String> ranges, Map<String, Object> template) {
        if (ranges == null || ranges.isEmpty()) {
            throw new IllegalArgumentException("'optimize' is required: NAME=LO:HI,..., e.g. threshold=0.05:0.4,sentimentWeight=0:1");
        }
        List<ParameterRange> out = new ArrayList<>();
        for (Map.Entry<String, String> r : ranges.entrySet()) {
            String name = r.getKey();
            if (AgentCatalog.WIRING_PARAMETERS.contains(name) || "agentId".equals(name)) {
                throw new IllegalArgumentException("'" + name + "' wires the route and cannot be optimised");
            }
            Object current = template.get(name);
            if (current == null) {
                throw new IllegalArgumentException("'" + name + "' is not a parameter of the trading-agent template"
                        + DidYouMean.suggestion(name, List.copyOf(template.keySet()), "; known: " + template.keySet()));
            }
            Double now = number(current.toString());
            if (now == null) {
                throw new IllegalArgumentException("'" + name + "' is not numeric (it is '" + current + "') and cannot be optimised");
            }
            String range = r.getValue();
            int colon = range == null ? -1 : range.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + name + "' takes a range LO:HI, got '" + range + "'");
            }
            Double lo = number(range.substring(0, colon));
            Double hi = number(range.substring(colon + 1));
            if (lo == null || hi == null) {
                throw new IllegalArgumentException("'" + name + "' range '" + range + "' is not two numbers LO:HI");
            }
            if (lo > hi) {
                throw new IllegalArgumentException("'" + name + "' range " + range + " has its low end above its high end");
            }
            if (!Double.isFinite(hi - lo)) {
                throw new IllegalArgumentException("'" + name + "' range " + range + " is wider than a double can hold");
            }
            boolean integer = current.toString().trim().matches("-?\\d+");
            if (integer && Math.ceil(lo) > Math.floor(hi)) {
                throw new IllegalArgumentException("'" + name + "' is a whole number and range " + range + " holds none");
            }
            out.add(new ParameterRange(name, lo, hi, integer));
        }
        return out;
    }

    private static Double number(String text) {
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
