package io.ztrade.risk;

import java.time.Instant;

/** How many orders an agent has placed since a time: what {@code maxOrdersPerDay} counts (the run records). */
@FunctionalInterface
public interface OrdersPlaced {

    int ordersSince(String agentId, Instant since);
}
