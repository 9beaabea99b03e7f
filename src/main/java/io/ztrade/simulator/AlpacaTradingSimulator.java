package io.ztrade.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.agent.AssetClass;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSession;
import io.ztrade.market.NyseCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subset of Alpaca's trading API the agents call, with Alpaca's shapes: money as strings, 422 for a
 * reused client order id, 403 for buying power, 404 for a flat position.
 */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/simulator/alpaca")
class AlpacaTradingSimulator {

    private static final Set<String> CRYPTO_TIME_IN_FORCE = Set.of("gtc", "ioc");

    private final SimulatedAccount account;
    private final SimulatedMarket market;
    private final MarketCalendar calendar;

    // the simulator's truth is the built-in NYSE rules, never a real clock
    AlpacaTradingSimulator(SimulatedAccount account, SimulatedMarket market, NyseCalendar calendar) {
        this.account = account;
        this.market = market;
        this.calendar = calendar;
    }

    @PostMapping("/v2/orders")
    ResponseEntity<Map<String, Object>> submit(@RequestBody JsonNode body) {
        String symbol = body.path("symbol").asText("");
        String side = body.path("side").asText("");
        String timeInForce = body.path("time_in_force").asText("");
        String clientOrderId = body.path("client_order_id").asText("");
        boolean hasQty = body.hasNonNull("qty");
        boolean hasNotional = body.hasNonNull("notional");
        if (symbol.isBlank() || !Set.of("buy", "sell").contains(side) || !"market".equals(body.path("type").asText())) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, 40010000, "symbol, side (buy|sell) and type market are required");
        }
        if (hasQty == hasNotional) {
            return error(HttpStatus.BAD_REQUEST, 40010000, "exactly one of qty or notional is required");
        }
        if (market.isCrypto(symbol) && !CRYPTO_TIME_IN_FORCE.contains(timeInForce)) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, 40010000, "invalid crypto time_in_force");
        }
        if (clientOrderId.isBlank() || clientOrderId.length() > 48) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, 40010000, "client_order_id must be 1 to 48 characters");
        }
        try {
            BigDecimal qty = hasQty ? new BigDecimal(body.get("qty").asText()) : null;
            BigDecimal notional = hasNotional ? new BigDecimal(body.get("notional").asText()) : null;
            return ResponseEntity.ok(json(account.submit(clientOrderId, symbol, side, qty, notional, timeInForce)));
        } catch (NumberFormatException e) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, 40010000, "qty and notional must be numbers");
        } catch (SimulatedAccount.Refused refused) {
            return error(HttpStatus.valueOf(refused.status), refused.code, refused.getMessage());
        }
    }

    @GetMapping("/v2/orders:by_client_order_id")
    ResponseEntity<Map<String, Object>> byClientOrderId(@RequestParam("client_order_id") String clientOrderId) {
        return account.order(clientOrderId).map(o -> ResponseEntity.ok(json(o)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, 40410000, "order not found"));
    }

    @GetMapping("/v2/account")
    Map<String, Object> account() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "sim-account");
        json.put("status", "ACTIVE");
        json.put("currency", "USD");
        json.put("cash", account.cash().toPlainString());
        json.put("buying_power", account.cash().toPlainString());
        json.put("equity", account.equity().toPlainString());
        json.put("portfolio_value", account.equity().toPlainString());
        json.put("trading_blocked", false);
        json.put("account_blocked", false);
        json.put("pattern_day_trader", false);
        return json;
    }

    @GetMapping("/v2/positions/{symbol}")
    ResponseEntity<Map<String, Object>> position(@PathVariable String symbol) {
        return account.position(SimulatedAccount.positionKey(symbol)).map(h -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", h.key());
            json.put("qty", h.qty().toPlainString());
            json.put("avg_entry_price", h.avgEntryPrice().toPlainString());
            BigDecimal value = account.marketValue(h);
            json.put("market_value", value.toPlainString());
            json.put("unrealized_pl", value.subtract(h.qty().multiply(h.avgEntryPrice())).toPlainString());
            return ResponseEntity.ok(json);
        }).orElseGet(() -> error(HttpStatus.NOT_FOUND, 40410000, "position does not exist"));
    }

    @GetMapping("/v2/clock")
    Map<String, Object> clock() {
        ZonedDateTime now = ZonedDateTime.now(MarketCalendar.NEW_YORK);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timestamp", now.toOffsetDateTime().toString());
        json.put("is_open", calendar.statusAt(AssetClass.US_EQUITY, now.toInstant()).open());
        json.put("next_open", next(now, true).toOffsetDateTime().toString());
        json.put("next_close", next(now, false).toOffsetDateTime().toString());
        return json;
    }

    /** The next session open (or close) after now, looking at most two weeks ahead. */
    private ZonedDateTime next(ZonedDateTime now, boolean open) {
        for (LocalDate day = now.toLocalDate(); day.isBefore(now.toLocalDate().plusDays(15)); day = day.plusDays(1)) {
            MarketSession session = calendar.session(AssetClass.US_EQUITY, day);
            if (session.open()) {
                ZonedDateTime at = day.atTime(open ? session.openTime() : session.closeTime()).atZone(MarketCalendar.NEW_YORK);
                if (at.isAfter(now)) {
                    return at;
                }
            }
        }
        return now;
    }

    private static Map<String, Object> json(SimulatedAccount.Order o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", o.id());
        json.put("client_order_id", o.clientOrderId());
        json.put("symbol", o.symbol());
        json.put("side", o.side());
        json.put("type", "market");
        json.put("time_in_force", o.timeInForce());
        json.put("qty", o.qty() == null ? null : o.qty().toPlainString());
        json.put("notional", o.notional() == null ? null : o.notional().toPlainString());
        json.put("status", o.status());
        json.put("filled_qty", o.filledQty().toPlainString());
        json.put("filled_avg_price", o.filledAvgPrice().toPlainString());
        json.put("submitted_at", o.submittedAt().toString());
        json.put("filled_at", o.submittedAt().toString());
        return json;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
