package io.ztrade.backtest.optimize;

import io.ztrade.backtest.BacktestReport;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** What the optimiser maximises, by the name the command line and the API use. */
public enum Objective {
    SHARPE("sharpe", BacktestReport::sharpe),
    SORTINO("sortino", BacktestReport::sortino),
    CALMAR("calmar", BacktestReport::calmar),
    RETURN("return", r -> r.totalReturn()),
    PROFIT_FACTOR("profit-factor", BacktestReport::profitFactor);

    private final String cliName;
    private final Function<BacktestReport, Double> value;

    Objective(String cliName, Function<BacktestReport, Double> value) {
        this.cliName = cliName;
        this.value = value;
    }

    public String cliName() {
        return cliName;
    }

    /** The report's figure; null when undefined (no variation, no losing day, no losing trade). */
    public Double of(BacktestReport report) {
        return value.apply(report);
    }

    /** By its name (sharpe, sortino, calmar, return, profit-factor); sharpe when none is given. */
    public static Objective named(String name) {
        if (name == null || name.isBlank()) {
            return SHARPE;
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(o -> o.cliName.equals(n)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown objective '" + name + "'; use one of "
                        + String.join(", ", Arrays.stream(values()).map(Objective::cliName).toList())));
    }
}
