package io.ztrade.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The subset of Alpaca's market data API the agents call: latest trade and quote, and paged bars. */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/simulator/alpaca-data")
class AlpacaDataSimulator {

    private static final Pattern TIMEFRAME = Pattern.compile("(\\d+)(Min|T|Hour|H|Day|D)");
    private static final int MAX_LIMIT = 10_000;

    private final SimulatedMarket market;

    AlpacaDataSimulator(SimulatedMarket market) {
        this.market = market;
    }

    @GetMapping("/v2/stocks/{symbol}/trades/latest")
    Map<String, Object> latestTrade(@PathVariable String symbol) {
        Instant now = Instant.now();
        return Map.of("symbol", symbol, "trade", Map.of("t", now.toString(), "p", market.priceAt(symbol, now), "s", 100,
                "x", "V", "i", now.toEpochMilli()));
    }

    @GetMapping("/v2/stocks/{symbol}/quotes/latest")
    Map<String, Object> latestQuote(@PathVariable String symbol) {
        return Map.of("symbol", symbol, "quote", quote(symbol));
    }

    @GetMapping("/v2/stocks/{symbol}/bars")
    ResponseEntity<Map<String, Object>> stockBars(@PathVariable String symbol, @RequestParam String timeframe,
                                                  @RequestParam(required = false) String start,
                                                  @RequestParam(required = false) String end,
                                                  @RequestParam(defaultValue = "1000") int limit,
                                                  @RequestParam(defaultValue = "asc") String sort,
                                                  @RequestParam(name = "page_token", required = false) String pageToken) {
        Page page = page(symbol, timeframe, start, end, limit, sort, pageToken);
        if (page == null) {
            return ResponseEntity.badRequest().body(Map.of("message", "invalid timeframe " + timeframe));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bars", page.bars());
        json.put("symbol", symbol);
        json.put("next_page_token", page.next());
        return ResponseEntity.ok(json);
    }

    @GetMapping("/v1beta3/crypto/us/latest/quotes")
    Map<String, Object> cryptoQuotes(@RequestParam String symbols) {
        Map<String, Object> quotes = new LinkedHashMap<>();
        for (String symbol : symbols.split(",")) {
            quotes.put(symbol, quote(symbol));
        }
        return Map.of("quotes", quotes);
    }

    @GetMapping("/v1beta3/crypto/us/bars")
    ResponseEntity<Map<String, Object>> cryptoBars(@RequestParam String symbols, @RequestParam String timeframe,
                                                   @RequestParam(required = false) String start,
                                                   @RequestParam(required = false) String end,
                                                   @RequestParam(defaultValue = "1000") int limit,
                                                   @RequestParam(defaultValue = "asc") String sort,
                                                   @RequestParam(name = "page_token", required = false) String pageToken) {
        String symbol = symbols.split(",")[0];
        Page page = page(symbol, timeframe, start, end, limit, sort, pageToken);
        if (page == null) {
            return ResponseEntity.badRequest().body(Map.of("message", "invalid timeframe " + timeframe));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bars", Map.of(symbol, page.bars()));
        json.put("next_page_token", page.next());
        return ResponseEntity.ok(json);
    }

    private Map<String, Object> quote(String symbol) {
        Instant now = Instant.now();
        double price = market.priceAt(symbol, now);
        double halfSpread = Math.max(0.01, Math.round(price * 0.0002 * 100) / 100.0);
        return Map.of("t", now.toString(), "bp", cents(price - halfSpread), "ap", cents(price + halfSpread), "bs", 3, "as", 4);
    }

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }

    private record Page(List<Map<String, Object>> bars, String next) {
    }

    /** The page token is simply the offset into the sorted bars. */
    private Page page(String symbol, String timeframe, String start, String end, int limit, String sort, String pageToken) {
        Matcher m = TIMEFRAME.matcher(timeframe);
        if (!m.matches()) {
            return null;
        }
        int minutes = Integer.parseInt(m.group(1)) * switch (m.group(2)) {
            case "Hour", "H" -> 60;
            case "Day", "D" -> 1440;
            default -> 1;
        };
        Instant from = start == null ? Instant.now().minus(Duration.ofDays(1)) : Instant.parse(start);
        Instant to = end == null ? Instant.now() : Instant.parse(end);
        List<SimulatedMarket.SimBar> bars = new ArrayList<>(market.bars(symbol, minutes, from, to));
        if ("desc".equals(sort)) {
            Collections.reverse(bars);
        }
        int offset = pageToken == null ? 0 : Integer.parseInt(pageToken);
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<Map<String, Object>> json = bars.subList(Math.min(offset, bars.size()), Math.min(offset + size, bars.size()))
                .stream().map(b -> Map.<String, Object>of("t", b.t().toString(), "o", b.o(), "h", b.h(), "l", b.l(),
                        "c", b.c(), "v", b.v(), "n", b.v() / 10, "vw", (b.h() + b.l() + b.c()) / 3))
                .toList();
        String next = offset + size < bars.size() ? String.valueOf(offset + size) : null;
        return new Page(json, next);
    }
}
