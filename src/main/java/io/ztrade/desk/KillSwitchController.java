package io.ztrade.desk;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The desk-wide kill switch: on, no agent places an order (runs are recorded BLOCKED_KILL_SWITCH). Admins only. */
@RestController
@RequestMapping("/api/kill-switch")
class KillSwitchController {

    private final DeskOperations desk;

    KillSwitchController(DeskOperations desk) {
        this.desk = desk;
    }

    record KillSwitchState(boolean engaged, Instant at) {
    }

    @GetMapping
    KillSwitchState state() {
        return new KillSwitchState(desk.killSwitchEngaged(), Instant.now());
    }

    /** {@code POST /api/kill-switch/on} or {@code /off}. */
    @PostMapping("/{state}")
    KillSwitchState set(@PathVariable String state) {
        boolean on = switch (state) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("kill switch state must be 'on' or 'off', got '" + state + "'");
        };
        desk.killSwitch(on);
        return state();
    }
}
