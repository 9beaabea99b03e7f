package io.ztrade.simulator;

import io.ztrade.market.AssetClass;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSession;
import io.ztrade.market.NyseCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alpaca's account, positions, clock, calendar and assets, answered from the simulated account and the built-in NYSE
 * rules (never a real clock): numbers as strings, 404 for a flat position or an unknown asset.
 */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/simulator/alpaca")
class AlpacaAccountSimulator {

    private final SimulatedAccount account;
    private final SimulatedMarket market;
    private final MarketCalendar calendar;
    private final SimulatedCalendar days;
    /**
     * The equity at the first read of each New York day, which the simulator answers as {@code last_equity} (Alpaca:
     * the equity at the previous close): the app reads the account every minute, so today's P&L counts from about
     * midnight, or from start-up on the day the app started (the simulated account starts afresh then).
     */
    private final Map<LocalDate, BigDecimal> dayOpenEquity = new java.util.concurrent.ConcurrentHashMap<>();

    AlpacaAccountSimulator(SimulatedAccount account, SimulatedMarket market, NyseCalendar calendar) {
        this.account = account;
        this.market = market;
        this.calendar = calendar;
        this.days = new SimulatedCalendar(calendar);
    }

    @GetMapping("/v2/account")
    Map<String, Object> account() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "sim-account");
        json.put("status", "ACTIVE");
        json.put("currency", "USD");
        json.put("cash", AlpacaJson.money(account.cash()));
        json.put("buying_power", AlpacaJson.money(account.buyingPower()));
        BigDecimal equity = account.equity();
        LocalDate today = LocalDate.now(MarketCalendar.NEW_YORK);
        BigDecimal lastEquity = dayOpenEquity.computeIfAbsent(today, day -> equity);
        dayOpenEquity.keySet().removeIf(day -> day.isBefore(today));
        json.put("equity", AlpacaJson.money(equity));
        json.put("last_equity", AlpacaJson.money(lastEquity));
        json.put("portfolio_value", AlpacaJson.money(equity));
        json.put("trading_blocked", false);
        json.put("account_blocked", false);
        json.put("pattern_day_trader", false);
        return json;
    }

    @GetMapping("/v2/positions")
    List<Map<String, Object>> positions() {
        return account.positions().stream().map(this::json).toList();
    }

    /** By key (BTCUSD, as Alpaca writes positions) or symbol. */
    @GetMapping("/v2/positions/{symbol}")
    Map<String, Object> position(@PathVariable String symbol) {
        return account.position(SimulatedAccount.positionKey(symbol.toUpperCase(java.util.Locale.ROOT))).map(this::json)
                .orElseThrow(() -> new OrderRefused(404, 40410000, "position does not exist"));
    }

    /** A crypto pair written with its slash unencoded, as some clients send it: {@code /v2/positions/BTC/USD}. */
    @GetMapping("/v2/positions/{base}/{quote}")
    Map<String, Object> pairPosition(@PathVariable String base, @PathVariable String quote) {
        return position(base + quote);
    }

    @GetMapping("/v2/assets/{symbolOrId}")
    Map<String, Object> asset(@PathVariable String symbolOrId) {
        Set<String> known = new LinkedHashSet<>(market.knownSymbols());
        known.addAll(account.tradedSymbols());
        return SimulatedAssets.byId(symbolOrId, known).or(() -> SimulatedAssets.bySymbol(symbolOrId)).map(AlpacaJson::asset)
                .orElseThrow(() -> new OrderRefused(404, 40410000, "asset not found for " + symbolOrId));
    }

    /** A crypto pair written with its slash unencoded: {@code /v2/assets/BTC/USD}. */
    @GetMapping("/v2/assets/{base}/{quote}")
    Map<String, Object> pair(@PathVariable String base, @PathVariable String quote) {
        return asset(base + "/" + quote);
    }

    @GetMapping("/v2/calendar")
    List<Map<String, String>> calendar(@RequestParam Map<String, String> params) {
        return days.between(params);
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

    private Map<String, Object> json(Holding h) {
        Instant startOfDay = LocalDate.now(MarketCalendar.NEW_YORK).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        BigDecimal lastDay = BigDecimal.valueOf(market.priceAt(h.symbol(), startOfDay));
        return AlpacaJson.position(h, account.price(h.symbol()), lastDay, account.available(h.key()));
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
}
