package io.ztrade.technical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live analyzer against the ta4j reference ({@link Ta4jTechnicalAnalyzer}, the full computation of a series and
 * its indicators from the run's bars): every value, the signal and the confidence equal to 1e-9, run after run, the
 * way an agent's runs arrive live and in replay: mostly one new bar, sometimes many (missed fires, a gap longer than
 * the window), back in time (a replay started earlier), a corrected bar (same time, other values), other periods or
 * another barCount, windows from one bar up. And a check that this comparison has the power to see a window one bar
 * off.
 */
class WindowedTechnicalAnalyzerEqualityTest {

    private static final double TOLERANCE = 1e-9;
    private static final Indicators DEFAULTS = new Indicators(14, 12, 26, 9, 20, 50, 20, 2.0);

    private enum Step { ONE_NEW_BAR, MISSED_BARS, BACK_IN_TIME, CORRECTED_BAR, OTHER_PERIODS, OTHER_BAR_COUNT }

    private final WindowedTechnicalAnalyzer analyzer = new WindowedTechnicalAnalyzer();
    private final Ta4jTechnicalAnalyzer reference = new Ta4jTechnicalAnalyzer();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void equalsTheTa4jComputationRunAfterRunOverALongRandomSeries(long seed) {
        Random random = new Random(seed);
        List<Bar> series = randomWalk(random, 4_000);
        Indicators periods = DEFAULTS;
        int barCount = 100;
        int end = 1;                                          // the window is series[end - barCount, end)
        Map<Step, Integer> steps = new EnumMap<>(Step.class);
        for (int run = 0; run < 4_000; run++) {
            MarketSnapshot snapshot = snapshot(series.subList(Math.max(0, end - barCount), end));
            String mismatch = mismatch(reference.analyze(periods, snapshot), analyzer.analyze(periods, snapshot));
            assertThat(mismatch).as("seed %d, run %d: %d bars up to %s with %s", seed, run, snapshot.bars().size(),
                    series.get(end - 1).t(), periods).isNull();

            double r = random.nextDouble();
            Step step = r < 0.80 ? Step.ONE_NEW_BAR : r < 0.87 ? Step.MISSED_BARS : r < 0.92 ? Step.BACK_IN_TIME
                    : r < 0.96 ? Step.CORRECTED_BAR : r < 0.98 ? Step.OTHER_PERIODS : Step.OTHER_BAR_COUNT;
            steps.merge(step, 1, Integer::sum);
            switch (step) {
                case ONE_NEW_BAR -> end++;
                case MISSED_BARS -> end += 2 + random.nextInt(200);
                case BACK_IN_TIME -> end -= 1 + random.nextInt(400);
                case CORRECTED_BAR -> {
                    int j = Math.max(0, end - 1 - random.nextInt(Math.min(end, barCount)));
                    Bar bar = series.get(j);
                    double close = cents(bar.c() + (random.nextBoolean() ? 0.01 : -0.37));
                    series.set(j, new Bar(bar.t(), bar.o(), Math.max(bar.h(), close), Math.min(bar.l(), close), close, bar.v()));
                }
                case OTHER_PERIODS -> periods = randomPeriods(random);
                case OTHER_BAR_COUNT -> barCount = 1 + random.nextInt(160);
            }
            if (end < 1 || end > series.size()) {
                end = 1 + random.nextInt(series.size());
            }
        }
        assertThat(steps).as("every kind of step was taken").hasSize(Step.values().length);
    }

    /** The comparison above tells a window one bar off (an update that missed or repeated a bar) from the right one. */
    @Test
    void aWindowOneBarOffFailsTheComparison() {
        List<Bar> series = randomWalk(new Random(11), 2_000);
        int compared = 0;
        int caught = 0;
        for (int end = 101; end <= series.size(); end++) {
            MarketSnapshot right = snapshot(series.subList(end - 100, end));
            MarketSnapshot oneBarOff = snapshot(series.subList(end - 101, end - 1));
            compared++;
            if (mismatch(reference.analyze(DEFAULTS, right), analyzer.analyze(DEFAULTS, oneBarOff)) != null) {
                caught++;
            }
        }
        // the windows that escape are wholly flat ones, which are the same one bar apart
        assertThat(caught).as("of %d windows", compared).isGreaterThan(compared * 95 / 100);
    }

    /**
     * Nothing is kept between runs: one instance serves the live agents, replays and a sweep's combinations at once,
     * each run getting what it gets alone (threads analysing other agents' windows in between change nothing).
     */
    @Test
    void oneInstanceGivesConcurrentRunsWhatEachGetsAlone() throws Exception {
        List<Bar> series = randomWalk(new Random(5), 1_200);
        List<MarketSnapshot> windows = new ArrayList<>();
        for (int end = 1; end <= series.size(); end++) {
            windows.add(snapshot(series.subList(Math.max(0, end - 100), end)));
        }
        List<TechnicalSignal> alone = windows.stream().map(w -> new WindowedTechnicalAnalyzer().analyze(DEFAULTS, w)).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                List<java.util.concurrent.Future<Integer>> differing = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    int offset = thread * 300 + round;                // each thread walks the windows from elsewhere
                    differing.add(pool.submit(() -> {
                        int count = 0;
                        for (int k = 0; k < windows.size(); k++) {
                            int i = (offset + k) % windows.size();
                            if (!analyzer.analyze(DEFAULTS, windows.get(i)).equals(alone.get(i))) {
                                count++;
                            }
                        }
                        return count;
                    }));
                }
                for (java.util.concurrent.Future<Integer> f : differing) {
                    assertThat(f.get()).as("round %d: runs that differ from the same run alone", round).isZero();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneBarAndTooFewBarsGiveTheSameReason() {
        for (int n : new int[] {1, 2, 14, 19}) {
            MarketSnapshot snapshot = snapshot(walk(n));
            TechnicalSignal signal = analyzer.analyze(DEFAULTS, snapshot);
            assertThat(mismatch(reference.analyze(DEFAULTS, snapshot), signal)).as("%d bars", n).isNull();
            assertThat(signal.reason()).isEqualTo("too few bars: " + n + " of 20 needed");
        }
    }

    @Test
    void betweenTheFewestAndAFullWindowTheSlowIndicatorsAreLeftOutAsInTa4j() {
        for (int n : new int[] {20, 21, 34, 49, 50, 51, 100}) {
            MarketSnapshot snapshot = snapshot(walk(n));
            TechnicalSignal signal = analyzer.analyze(DEFAULTS, snapshot);
            assertThat(mismatch(reference.analyze(DEFAULTS, snapshot), signal)).as("%d bars", n).isNull();
            assertThat(signal.indicators().containsKey("smaSlow")).as("%d bars", n).isEqualTo(n >= 50);
            assertThat(signal.indicators().containsKey("macdHistogram")).as("%d bars", n).isEqualTo(n >= 35);
        }
    }

    @Test
    void flatPricesLeaveTheBollingerPositionUndefinedAsInTa4j() {
        for (double price : new double[] {250, 0.1, 17.03}) {
            double[] closes = new double[100];
            Arrays.fill(closes, price);
            MarketSnapshot snapshot = snapshot(bars(closes));
            TechnicalSignal signal = analyzer.analyze(DEFAULTS, snapshot);
            assertThat(mismatch(reference.analyze(DEFAULTS, snapshot), signal)).as("flat at %s", price).isNull();
            assertThat(signal.indicators()).doesNotContainKey("percentB").containsEntry("rsi", 0.0)
                    .containsEntry("macdHistogram", 0.0).containsEntry("smaFast", price).containsEntry("smaSlow", price);
        }
    }

    /** A close exactly on the Bollinger middle and equal SMAs: ta4j's votes are exactly 0, and so no side here. */
    @Test
    void aVoteExactlyAtZeroInTa4jTakesNoSide() {
        double[] closes = new double[100];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = i % 2 == 0 ? 17.53 : 16.47;            // the last 20 and 50 average exactly 17.00, which in
        }                                                      // doubles is 17 and a rounding
        closes[closes.length - 1] = 17.00;
        closes[closes.length - 2] = 17.00;
        MarketSnapshot snapshot = snapshot(bars(closes));
        TechnicalSignal expected = reference.analyze(DEFAULTS, snapshot);
        assertThat(mismatch(expected, analyzer.analyze(DEFAULTS, snapshot))).isNull();
        assertThat(expected.indicators().get("percentB")).isEqualTo(0.5);
    }

    @Test
    void barsOutOfOrderOrTwiceAtOneTimeAreRefusedAsTa4jRefusesThem() {
        List<Bar> bars = new ArrayList<>(walk(30));
        List<Bar> twice = new ArrayList<>(bars);
        twice.set(10, new Bar(bars.get(9).t(), 1, 1, 1, 1, 1));
        List<Bar> swapped = new ArrayList<>(bars);
        swapped.set(10, bars.get(11));
        swapped.set(11, bars.get(10));
        for (List<Bar> wrong : List.of(twice, swapped)) {
            assertThatThrownBy(() -> reference.analyze(DEFAULTS, snapshot(wrong))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> analyzer.analyze(DEFAULTS, snapshot(wrong))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TEST").hasMessageContaining("bar 1").hasMessageContaining("oldest first");
        }
    }

    /** Null when they agree: same reason and indicator names, every number within 1e-9; else what differs. */
    static String mismatch(TechnicalSignal expected, TechnicalSignal actual) {
        if (!Objects.equals(expected.reason(), actual.reason())) {
            return "reason " + actual.reason() + ", expected " + expected.reason();
        }
        if (!expected.indicators().keySet().equals(actual.indicators().keySet())) {
            return "indicators " + actual.indicators().keySet() + ", expected " + expected.indicators().keySet();
        }
        for (Map.Entry<String, Double> e : expected.indicators().entrySet()) {
            if (!(Math.abs(e.getValue() - actual.indicators().get(e.getKey())) <= TOLERANCE)) {
                return e.getKey() + " " + actual.indicators().get(e.getKey()) + ", expected " + e.getValue();
            }
        }
        if (!(Math.abs(expected.signal() - actual.signal()) <= TOLERANCE)) {
            return "signal " + actual.signal() + ", expected " + expected.signal();
        }
        if (!(Math.abs(expected.confidence() - actual.confidence()) <= TOLERANCE)) {
            return "confidence " + actual.confidence() + ", expected " + expected.confidence();
        }
        return null;
    }

    /**
     * Closes in cents as a random walk of 5-minute bars (steps of about 40 cents, now and then a jump), with flat
     * stretches of 5 to 80 bars and gaps in time (a night, a weekend).
     */
    static List<Bar> randomWalk(Random random, int size) {
        List<Bar> bars = new ArrayList<>(size);
        Instant t = Instant.parse("2025-03-03T14:30:00Z");
        double close = 250;
        int flat = 0;
        for (int i = 0; i < size; i++) {
            double open = close;
            if (flat > 0) {
                flat--;
            } else if (random.nextDouble() < 0.03) {
                flat = 5 + random.nextInt(76);
            } else {
                double step = random.nextGaussian() * (random.nextDouble() < 0.02 ? 4 : 0.4);
                close = Math.max(1, cents(close + step));
            }
            bars.add(new Bar(t, open, Math.max(open, close) + 0.05, Math.min(open, close) - 0.05, close, 1000 + i));
            t = t.plus(random.nextDouble() < 0.01 ? Duration.ofHours(17 + random.nextInt(48)) : Duration.ofMinutes(5));
        }
        return bars;
    }

    /** Periods an agent may have (AgentSettings: 2 to 1000 bars, fast shorter than slow, width 0.5 to 5). */
    static Indicators randomPeriods(Random random) {
        int macdFast = 2 + random.nextInt(15);
        int smaFast = 2 + random.nextInt(30);
        return new Indicators(2 + random.nextInt(30), macdFast, macdFast + 1 + random.nextInt(30), 2 + random.nextInt(12),
                smaFast, smaFast + 1 + random.nextInt(60), 2 + random.nextInt(30), 0.5 + random.nextInt(10) * 0.5);
    }

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }

    private static List<Bar> walk(int n) {
        return randomWalk(new Random(n), n);
    }

    private static List<Bar> bars(double[] closes) {
        return WindowedTechnicalAnalyzerTest.snapshot(closes).bars();
    }

    private static MarketSnapshot snapshot(List<Bar> bars) {
        double last = bars.get(bars.size() - 1).c();
        return new MarketSnapshot("TEST", last, last, last, bars.get(bars.size() - 1).t(), List.copyOf(bars), "test");
    }
}
