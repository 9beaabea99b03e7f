package io.ztrade.reconcile;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reconcile}: the last pass and the open issues (viewers), a pass now (operators), an issue acknowledged
 * (admins).
 */
@RestController
@RequestMapping("/api/reconcile")
class ReconcileController {

    private final ReconcileOperations operations;

    ReconcileController(ReconcileOperations operations) {
        this.operations = operations;
    }

    /** The last pass on this node (of any outcome), the last that reconciled, and every open issue. */
    record State(ReconcileReport last, ReconcileReport lastReconciled, List<ReconcileIssue> openIssues) {
    }

    @GetMapping
    State state() {
        return new State(operations.last(), operations.lastReconciled(), operations.openIssues());
    }

    @PostMapping
    ReconcileReport runNow() {
        return operations.runNow("api");
    }

    /** Open issues, or with {@code all=true} the latest {@code limit} of every state. */
    @GetMapping("/issues")
    List<ReconcileIssue> issues(@RequestParam(defaultValue = "false") boolean all,
                                @RequestParam(defaultValue = "100") int limit) {
        return all ? operations.latestIssues(limit) : operations.openIssues();
    }

    @PostMapping("/issues/{id}/acknowledge")
    ReconcileIssue acknowledge(@PathVariable long id) {
        return operations.acknowledge(id);
    }

    /** The API's error body (status, error, message, timestamp), as for an unknown agent or run. */
    record NotFound(int status, String error, String message, Instant timestamp) {
    }

    @ExceptionHandler(ReconcileOperations.UnknownIssueException.class)
    ResponseEntity<NotFound> unknown(ReconcileOperations.UnknownIssueException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new NotFound(404, HttpStatus.NOT_FOUND.getReasonPhrase(),
                e.getMessage(), Instant.now()));
    }
}
