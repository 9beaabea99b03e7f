package io.ztrade.risk;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The desk-wide switch that stops all order placement at once; analyses keep running and recording. */
@Component
public class KillSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);

    private final AtomicBoolean engaged = new AtomicBoolean();

    public boolean engaged() {
        return engaged.get();
    }

    public void set(boolean on) {
        if (engaged.getAndSet(on) != on) {
            LOG.warn("Kill switch {}", on ? "ON: no order will be placed" : "OFF: orders allowed again");
        }
    }
}
