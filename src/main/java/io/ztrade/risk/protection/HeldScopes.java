package io.ztrade.risk.protection;

import java.time.Instant;
import java.util.Optional;

/**
 * A backtest's stand-in for the desk's holds: whether the agent (or the desk) is still held at a fire time, and why.
 * Live, the durable desk state keeps the holds and the risk step obeys them; this is {@link #NONE} there.
 */
public interface HeldScopes {

    HeldScopes NONE = (agentId, at) -> Optional.empty();

    Optional<String> heldAt(String agentId, Instant at);
}
