package io.ztrade.backtest.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * CMA-ES (Commons Math's {@link CMAESOptimizer}) over the unit cube, maximising a score. Commons Math evaluates one
 * point at a time inside its loop (it has no ask/tell API to hand a generation out), so the cores are used by
 * running independent restarts at once, each with its own seed, start and share of the trial budget; several
 * restarts also make a local optimum less likely to be the answer. Each restart is deterministic for its seed, and
 * the best is chosen by score, then restart, then order: the same seed gives the same answer on any machine.
 */
public final class CmaesSearch {

    /** A point of the unit cube and its score; null score: undefined there (ranked below every defined one). */
    public record Trial(double[] point, Double score, int restart, int order) {
    }

    /** Runs tasks in parallel and returns their results in order. */
    public interface Parallel {
        <T> List<T> all(List<Callable<T>> tasks) throws Exception;
    }

    /** Ranks undefined scores below any real one and keeps CMA-ES's arithmetic finite. */
    static final double UNDEFINED = -1e9;

    private CmaesSearch() {
    }

    /** How many restarts a budget gets: one per core, each with at least 20 trials (a few CMA-ES generations). */
    public static int restarts(int budget, int cores) {
        return Math.max(1, Math.min(cores, budget / 20));
    }

    /**
     * Every trial of {@code restarts} CMA-ES runs splitting {@code budget} evaluations of {@code score} over
     * [0, 1]^dims, in restart then evaluation order; {@code score} must be safe to call from several threads.
     */
    public static List<Trial> search(int dims, int budget, int restarts, long seed, Function<double[], Double> score,
                                     Parallel parallel) throws Exception {
        List<Callable<List<Trial>>> runs = new ArrayList<>();
        for (int r = 0; r < restarts; r++) {
            int restart = r;
            int share = budget / restarts + (r < budget % restarts ? 1 : 0);
            runs.add(() -> restart(dims, share, seed + 7919L * restart, restart, score));
        }
        List<Trial> all = new ArrayList<>();
        parallel.all(runs).forEach(all::addAll);
        return all;
    }

    /** The best trial: highest score, then lowest restart, then earliest. */
    public static Trial best(List<Trial> trials) {
        Trial best = null;
        for (Trial t : trials) {
            if (best == null || value(t) > value(best)) {
                best = t;
            }
        }
        return best;
    }

    static double value(Trial t) {
        return t.score() == null || t.score().isNaN() ? UNDEFINED : t.score();
    }

    private static List<Trial> restart(int dims, int budget, long seed, int restart, Function<double[], Double> score) {
        List<Trial> trials = new ArrayList<>();
        if (budget <= 0) {
            return trials;
        }
        MersenneTwister random = new MersenneTwister(seed);
        double[] sigma = new double[dims];
        Arrays.fill(sigma, 0.3);
        double[] upper = new double[dims];
        Arrays.fill(upper, 1);
        int lambda = 4 + (int) (3 * Math.log(dims));
        ObjectiveFunction f = new ObjectiveFunction(point -> {
            Double s = score.apply(point.clone());
            Trial t = new Trial(point.clone(), s, restart, trials.size());
            trials.add(t);
            return value(t);
        });
        // a run that converges (or finds the scores flat) before the budget is spent starts again elsewhere
        for (int run = 0; trials.size() < budget; run++) {
            double[] start = new double[dims];
            for (int i = 0; i < dims; i++) {
                // the first restart's first run starts in the middle, every other run anywhere
                start[i] = restart == 0 && run == 0 ? 0.5 : random.nextDouble();
            }
            CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, true, 0, 0, random, false, null);
            int before = trials.size();
            try {
                cmaes.optimize(new MaxEval(budget - trials.size()), new MaxIter(Integer.MAX_VALUE), f, GoalType.MAXIMIZE,
                        new InitialGuess(start), new SimpleBounds(new double[dims], upper), new CMAESOptimizer.Sigma(sigma),
                        new CMAESOptimizer.PopulationSize(lambda));
            } catch (TooManyEvaluationsException e) {
                // the budget is spent: the trials so far are the answer
            }
            if (trials.size() == before) {
                break;
            }
        }
        return trials;
    }
}
