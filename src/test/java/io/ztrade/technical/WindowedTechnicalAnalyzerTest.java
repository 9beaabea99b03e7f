package io.ztrade.technical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.InvalidAgentException;
import io.ztrade.agent.TestAgents;
import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Indicator values against numbers computed independently of ta4j (by hand, with a short script, from the formulas):
 * RSI with Wilder's smoothing (average = previous + (value - previous) / n) started from the first bar as ta4j starts
 * it, EMAs with k = 2 / (n + 1) started from the first value, SMAs and Bollinger %B with the population deviation.
 */
class WindowedTechnicalAnalyzerTest {

    /** The textbook periods (Wilder's RSI 14, MACD 12/26/9, ...) the expected values below are computed for. */
    static final Indicators TEXTBOOK = new Indicators(14, 12, 26, 9, 20, 50, 20, 2.0);

    /** The classic 33-close RSI worked example (StockCharts' "RSI" article data). */
    static final double[] WILDER_CLOSES = {44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03,
            45.61, 46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18,
            44.22, 44.57, 43.42, 42.66, 43.13};

    private final WindowedTechnicalAnalyzer analyzer = new WindowedTechnicalAnalyzer();

    static MarketSnapshot snapshot(double[] closes) {
        List<Bar> bars = new ArrayList<>();
        Instant t = Instant.parse("2025-11-03T14:30:00Z");
        for (double c : closes) {
            bars.add(new Bar(t, c, c + 0.5, c - 0.5, c, 1000));
            t = t.plus(Duration.ofMinutes(5));
        }
        return new MarketSnapshot("TEST", closes[closes.length - 1], closes[closes.length - 1], closes[closes.length - 1],
                t, bars, "test");
    }

    static Indicators periods(int rsi) {
        Indicators d = TEXTBOOK;
        return new Indicators(rsi, d.macdFast(), d.macdSlow(), d.macdSignal(), d.smaFast(), d.smaSlow(),
                d.bollingerPeriod(), d.bollingerWidth());
    }

    @Test
    void rsiFollowsWildersSmoothing() {
        TechnicalSignal signal = analyzer.analyze(TEXTBOOK, snapshot(WILDER_CLOSES));
        assertThat(signal.indicators().get("rsi")).isCloseTo(35.5119, within(1e-3));
    }

    @Test
    void theRsiPeriodIsTheAgents() {
        TechnicalSignal signal = analyzer.analyze(periods(5), snapshot(WILDER_CLOSES));
        assertThat(signal.indicators().get("rsi")).isCloseTo(30.7465, within(1e-3));
    }

    @Test
    void macdSmaAndBollingerMatchTheirFormulas() {
        double[] closes = new double[60];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 100 + 10 * Math.sin(i / 5.0) + i * 0.3;
        }
        TechnicalSignal signal = analyzer.analyze(TEXTBOOK, snapshot(closes));

        Map<String, Double> v = signal.indicators();
        assertThat(v.get("macdHistogram")).isCloseTo(-0.61037, within(1e-4));
        assertThat(v.get("smaFast")).isCloseTo(112.76635, within(1e-4));
        assertThat(v.get("smaSlow")).isCloseTo(109.23879, within(1e-4));
        assertThat(v.get("percentB")).isCloseTo(0.41007, within(1e-4));
        assertThat(v.get("rsi")).isCloseTo(50.66287, within(1e-3));
        assertThat(signal.signal()).isBetween(-1.0, 1.0);
        assertThat(signal.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void tooFewBarsGiveNoSignalAndSayWhy() {
        double[] closes = new double[19];
        java.util.Arrays.fill(closes, 100);
        TechnicalSignal signal = analyzer.analyze(TEXTBOOK, snapshot(closes));
        assertThat(signal.confidence()).isZero();
        assertThat(signal.reason()).isEqualTo("too few bars: 19 of 20 needed");
    }

    @Test
    void aSteadyRallyIsOverboughtOnRsiButTrendsUp() {
        double[] closes = new double[80];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 100 + i;
        }
        TechnicalSignal signal = analyzer.analyze(TEXTBOOK, snapshot(closes));
        assertThat(signal.indicators().get("rsi")).isEqualTo(100.0);
        assertThat(signal.indicators().get("smaFast")).isGreaterThan(signal.indicators().get("smaSlow"));
    }

    @Test
    void agentsDeclareTheirPeriodsAndBadOnesFailStartUpWithTheFieldNamed() {
        Map<String, Object> params = TestAgents.defaults("TSLA", "us_equity");
        params.put("rsiPeriod", "7");
        params.put("bollingerWidth", "2.5");
        AgentSettings agent = AgentSettings.fromParameters(params);
        assertThat(agent.indicators().rsiPeriod()).isEqualTo(7);
        assertThat(agent.indicators().bollingerWidth()).isEqualTo(2.5);

        params.put("macdFast", "30");
        assertThatThrownBy(() -> AgentSettings.fromParameters(params)).isInstanceOf(InvalidAgentException.class)
                .hasMessageContaining("agent_x").hasMessageContaining("macdFast").hasMessageContaining("shorter than macdSlow");
        params.put("macdFast", "12");
        params.put("rsiPeriod", "1");
        assertThatThrownBy(() -> AgentSettings.fromParameters(params)).hasMessageContaining("rsiPeriod");
    }
}
