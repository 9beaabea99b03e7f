package io.ztrade.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --optimize's ranges: parsed, checked against the template's parameters, integers rounded within bounds. */
class ParameterSpaceTest {

    static final Map<String, Object> TEMPLATE = new LinkedHashMap<>(Map.of("threshold", "0.2", "sentimentWeight", "0.6",
            "rsiPeriod", "14", "symbol", "TSLA", "cron", "0 */5 9-15 ? * MON-FRI"));

    @Test
    void rangesAreReadAndIntegerParametersAreRoundedAndBounded() {
        List<ParameterRange> ranges = ParameterSpace.check(ParameterSpace.parse("threshold=0.05:0.4, rsiPeriod=5.5:20"), TEMPLATE);

        assertThat(ranges).containsExactly(new ParameterRange("threshold", 0.05, 0.4, false),
                new ParameterRange("rsiPeriod", 5.5, 20, true));
        ParameterRange rsi = ranges.get(1);
        assertThat(rsi.text(rsi.at(0))).as("rounded up into the range").isEqualTo("6");
        assertThat(rsi.text(rsi.at(0.5))).isEqualTo("13");
        assertThat(rsi.text(rsi.at(1.2))).as("clamped").isEqualTo("20");
        assertThat(ranges.get(0).text(ranges.get(0).at(1))).isEqualTo("0.4");
        assertThat(ranges.get(0).text(ranges.get(0).at(0.1234567))).as("to a thousandth of the range, a power of ten")
                .isEqualTo("0.0932");
        ParameterRange tiny = check("threshold=0:5e-324").get(0);
        assertThat(tiny.at(0.7)).as("a thousandth of the narrowest range is 0: no step of 10^-infinity").isBetween(0.0, 5e-324);
    }

    @Test
    void mistakesAreNamedWithTheParameter() {
        assertThatThrownBy(() -> check("treshold=0.05:0.4")).hasMessage("'treshold' is not a parameter of the "
                + "trading-agent template; did you mean 'threshold'?");
        assertThatThrownBy(() -> check("threshold=0.4:0.05")).hasMessage("'threshold' range 0.4:0.05 has its low end above its high end");
        assertThatThrownBy(() -> check("threshold=low:0.4")).hasMessage("'threshold' range 'low:0.4' is not two numbers LO:HI");
        assertThatThrownBy(() -> check("threshold=0.2")).hasMessage("'threshold' takes a range LO:HI, got '0.2'");
        assertThatThrownBy(() -> check("symbol=1:2")).hasMessage("'symbol' is not numeric (it is 'TSLA') and cannot be optimised");
        assertThatThrownBy(() -> check("orderUri=1:2")).hasMessage("'orderUri' wires the route and cannot be optimised");
        assertThatThrownBy(() -> check("rsiPeriod=5.2:5.8")).hasMessage("'rsiPeriod' is a whole number and range 5.2:5.8 holds none");
        assertThatThrownBy(() -> check("threshold=0:1,threshold=0:2")).hasMessage("optimize names 'threshold' twice");
        // each end is a double, their distance is not: the message named nothing ("Character N is neither a decimal ...")
        assertThatThrownBy(() -> check("threshold=-1e308:1e308"))
                .hasMessage("'threshold' range -1e308:1e308 is wider than a double can hold");
        assertThatThrownBy(() -> check("0.05:0.4")).hasMessage("optimize takes NAME=LO:HI, got '0.05:0.4'");
        assertThatThrownBy(() -> ParameterSpace.parse(" ")).hasMessageContaining("'optimize' is required");
    }

    @Test
    void objectivesGoByTheirCommandLineNames() {
        assertThat(Objective.named("profit-factor")).isEqualTo(Objective.PROFIT_FACTOR);
        assertThat(Objective.named("Calmar")).isEqualTo(Objective.CALMAR);
        assertThat(Objective.named(null)).isEqualTo(Objective.SHARPE);
        assertThatThrownBy(() -> Objective.named("sharp"))
                .hasMessage("unknown objective 'sharp'; use one of sharpe, sortino, calmar, return, profit-factor");
    }

    private static List<ParameterRange> check(String text) {
        return ParameterSpace.check(ParameterSpace.parse(text), TEMPLATE);
    }
}
