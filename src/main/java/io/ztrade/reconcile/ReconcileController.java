package io.ztrade.reconcile;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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

    @ExceptionHandler(ReconcileOperations.UnknownIssueException.class)
    void unknown(ReconcileOperations.UnknownIssueException e) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
