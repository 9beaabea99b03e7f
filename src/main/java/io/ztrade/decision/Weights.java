package io.ztrade.decision;

/**
 * How the decision weighs the two analyses: an agent's {@code sentimentWeight}, {@code technicalWeight} (they add up
 * to 1) and {@code threshold} (BUY above it, SELL below its negative).
 */
public record Weights(double sentimentWeight, double technicalWeight, double threshold) {
}
