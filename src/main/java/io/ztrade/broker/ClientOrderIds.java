package io.ztrade.broker;

import java.time.Instant;

/**
 * The client order id of a run. A scheduled run's is {@code zt-<agentId>-<fire time, epoch seconds>}: derived from the
 * fire time, never random, so a retry on any node sends the id of the first attempt and Alpaca refuses a second order
 * with it. A manual (or start-up) run has no fire time of its own (several can start in one second), so its id adds
 * the run's own id: {@code zt-<agentId>-<epoch seconds>-<8 hex of the run id>}, unique per run and the same on every
 * retry of that run.
 */
public final class ClientOrderIds {

    /** Ztrade's limit (Alpaca takes 128): the longest agent id, 20 characters, still fits with a run suffix. */
    public static final int MAX_LENGTH = 48;

    private ClientOrderIds() {
    }

    public static String of(String agentId, Instant scheduledAt) {
        return checked(agentId, "zt-" + agentId + "-" + scheduledAt.getEpochSecond());
    }

    /** The id of one manual run: unique per run id, stable across that run's retries. */
    public static String ofRun(String agentId, Instant requestedAt, String runId) {
        String suffix = runId.replace("-", "");
        suffix = suffix.substring(0, Math.min(8, suffix.length()));
        return checked(agentId, "zt-" + agentId + "-" + requestedAt.getEpochSecond() + "-" + suffix);
    }

    private static String checked(String agentId, String id) {
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client order id " + id + " is longer than " + MAX_LENGTH
                    + " characters; shorten agent id " + agentId);
        }
        return id;
    }
}
