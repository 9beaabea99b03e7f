package io.ztrade.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CMA-ES over the unit cube: finds a known optimum, within its budget, the same for the same seed. */
class CmaesSearchTest {

    final ExecutorService pool = Executors.newFixedThreadPool(2);

    /** A peak of 1 at (0.3, 0.8), with a lower local bump at (0.9, 0.1) to trap a single start. */
    static final Function<double[], Double> PEAK = p -> Math.exp(-20 * (sq(p[0] - 0.3) + sq(p[1] - 0.8)))
            + 0.5 * Math.exp(-50 * (sq(p[0] - 0.9) + sq(p[1] - 0.1)));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void findsTheKnownOptimumOfASyntheticObjectiveWithinItsBudget() throws Exception {
        List<CmaesSearch.Trial> trials = CmaesSearch.search(2, 200, 2, 42, PEAK, this::all);

        assertThat(trials).hasSize(200);
        CmaesSearch.Trial best = CmaesSearch.best(trials);
        assertThat(best.point()[0]).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
        assertThat(best.point()[1]).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.02));
        assertThat(best.score()).isGreaterThan(0.99);
        assertThat(trials).allSatisfy(t -> assertThat(java.util.Arrays.stream(t.point())).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0)));
    }

    @Test
    void theSameSeedGivesTheSameTrialsAndAnotherSeedOtherOnes() throws Exception {
        List<CmaesSearch.Trial> a = CmaesSearch.search(2, 60, 3, 7, PEAK, this::all);
        List<CmaesSearch.Trial> b = CmaesSearch.search(2, 60, 3, 7, PEAK, this::all);
        List<CmaesSearch.Trial> c = CmaesSearch.search(2, 60, 3, 8, PEAK, this::all);

        assertThat(a).extracting(t -> List.of(t.point()[0], t.point()[1])).isEqualTo(b.stream().map(t -> List.of(t.point()[0], t.point()[1])).toList());
        assertThat(a.get(a.size() - 1).point()).isNotEqualTo(c.get(c.size() - 1).point());
        assertThat(CmaesSearch.best(a).point()).isEqualTo(CmaesSearch.best(b).point());
    }

    @Test
    void undefinedScoresRankBelowEveryDefinedOneAndTheBudgetIsSplitOverRestarts() throws Exception {
        // undefined (null) on the left half: the best is on the right, however low its score
        List<CmaesSearch.Trial> trials = CmaesSearch.search(1, 41, 2, 3, p -> p[0] < 0.5 ? null : -p[0], this::all);

        assertThat(trials).hasSize(41);
        assertThat(trials.stream().filter(t -> t.restart() == 0).count()).isEqualTo(21);
        assertThat(CmaesSearch.best(trials).point()[0]).isBetween(0.5, 0.6);
        assertThat(CmaesSearch.restarts(200, 2)).isEqualTo(2);
        assertThat(CmaesSearch.restarts(10, 8)).as("too few trials to split").isEqualTo(1);
    }

    private <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        List<T> out = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks)) {
            out.add(f.get());
        }
        return out;
    }

    private static double sq(double x) {
        return x * x;
    }
}
