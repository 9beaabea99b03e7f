package io.ztrade.routes;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the route files on disk are what runs, for the console's "broken routes" banner and scripts. */
@RestController
class RoutesController {

    private final RoutesStatus status;

    RoutesController(RoutesStatus status) {
        this.status = status;
    }

    /** state OFF (no live reload), APPLIED, or BROKEN with each problem's file, line and message. */
    @GetMapping("/api/routes")
    RoutesStatus.View routes() {
        return status.view();
    }
}
