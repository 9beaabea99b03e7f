package io.ztrade.portfolio;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.PlainText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/portfolio}: what the desk and each agent hold and made (the broker's books, read at most once per
 * {@code ztrade.portfolio.cache-for}); {@code GET /api/portfolio/equity?scope=desk|AGENT&span=P7D}: the recorded equity
 * curve (the desk's equity, an agent's P&L) with its drawdown. Viewers may read both.
 */
@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {

    static final Duration MAX_SPAN = Duration.ofDays(400);

    private final Portfolios portfolios;
    private final EquitySnapshots snapshots;
    private final AgentCatalog catalog;

    PortfolioController(Portfolios portfolios, EquitySnapshots snapshots, AgentCatalog catalog) {
        this.portfolios = portfolios;
        this.snapshots = snapshots;
        this.catalog = catalog;
    }

    /** JSON, or the tables of {@code bin/ztrade portfolio} when the request asks for text ({@link PlainText}). */
    @GetMapping
    ResponseEntity<?> portfolio(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        PortfolioView view = portfolios.view();
        return PlainText.wanted(accept) ? PlainText.answer(PortfolioText.of(view)) : ResponseEntity.ok(view);
    }

    @GetMapping("/equity")
    EquitySnapshots.Curve equity(@RequestParam(defaultValue = EquitySnapshots.DESK) String scope,
                                 @RequestParam(defaultValue = "P1D") String span) {
        if (!EquitySnapshots.DESK.equals(scope)) {
            catalog.get(scope);  // an unknown agent: 404 naming the agents
        }
        Duration duration;
        try {
            duration = Duration.parse(span);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("span '" + span + "' is not an ISO-8601 duration such as PT6H, P1D or P30D");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("span " + span + " must be above zero and at most " + MAX_SPAN.toDays() + " days");
        }
        return snapshots.curve(scope, Instant.now().minus(duration));
    }
}
