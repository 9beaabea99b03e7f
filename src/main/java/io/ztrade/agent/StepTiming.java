package io.ztrade.agent;

/**
 * How long one pipeline step took.
 *
 * @param step       the node id in the template (marketHours, marketData, sentiment, ...)
 * @param startMs    when it started, in milliseconds after the run started
 * @param durationMs how long it took, in milliseconds
 */
public record StepTiming(String step, double startMs, double durationMs) {
}
