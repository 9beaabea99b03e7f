package io.ztrade.reconcile;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.ztrade.agent.PlainText;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final PositionCheck positions;

    ReconcileController(ReconcileOperations operations, PositionCheck positions) {
        this.operations = operations;
        this.positions = positions;
    }

    /**
     * What the broker holds now, symbol by symbol, beside what the records' fills add up to and the agents that trade
     * it ({@code bin/ztrade positions}). A read of the broker, nothing compared or stored.
     */
    @GetMapping("/positions")
    ResponseEntity<?> positions(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<PositionCheck.Holding> holdings = positions.holdings();
        if (!PlainText.wanted(accept)) {
            return ResponseEntity.ok(holdings);
        }
        if (holdings.isEmpty()) {
            return PlainText.answer("no position at the broker and none in the records\n");
        }
        return PlainText.answer(PlainText.table(List.of("SYMBOL", "AGENTS", "QTY", "AVG ENTRY", "MARKET VALUE",
                        "RECORDS' QTY", ""),
                holdings.stream().map(h -> List.of(h.symbol(), String.join(",", h.agents()), plain(h.brokerQty()),
                        plain(h.avgEntryPrice()), h.marketValue() == null ? "" : "$" + plain(h.marketValue()),
                        plain(h.recordsQty()), h.brokerQty().compareTo(h.recordsQty()) == 0 ? "" : "differs")).toList()));
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
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
