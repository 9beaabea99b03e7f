package io.ztrade.broker;

import java.time.Instant;

/**
 * {@code zt-<agentId>-<scheduled fire time, epoch seconds>}: derived from the run, never random, so a retry on
 * any node sends the id of the first attempt and Alpaca refuses a second order with it.
 */
public final class ClientOrderIds {

    /** Alpaca's limit. */
    public static final int MAX_LENGTH = 48;

    private ClientOrderIds() {
    }

    public static String of(String agentId, Instant scheduledAt) {
        String id = "zt-" + agentId + "-" + scheduledAt.getEpochSecond();
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client order id " + id + " is longer than " + MAX_LENGTH
                    + " characters; shorten agent id " + agentId);
        }
        return id;
    }
}
