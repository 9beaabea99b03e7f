package io.ztrade.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CoinGecko's simple price endpoint, for the crypto fallback price: {@code {"bitcoin":{"usd":97000.12}}}. */
@RestController
@Conditional(SimulatorEnabled.class)
@RequestMapping("/simulator/coingecko")
class CoinGeckoSimulator {

    private static final Map<String, String> SYMBOLS = Map.of("bitcoin", "BTC/USD", "ethereum", "ETH/USD");

    private final SimulatedMarket market;

    CoinGeckoSimulator(SimulatedMarket market) {
        this.market = market;
    }

    @GetMapping("/api/v3/simple/price")
    Map<String, Object> price(@RequestParam String ids, @RequestParam("vs_currencies") String currencies,
                              @RequestParam(name = "include_last_updated_at", defaultValue = "false") boolean withTime) {
        Instant now = Instant.now();
        Map<String, Object> json = new LinkedHashMap<>();
        for (String id : ids.split(",")) {
            String symbol = SYMBOLS.get(id.trim());
            if (symbol != null && currencies.contains("usd")) {
                Map<String, Object> price = new LinkedHashMap<>();
                price.put("usd", Math.round(market.priceAt(symbol, now) * 100) / 100.0);
                if (withTime) {
                    price.put("last_updated_at", now.getEpochSecond());
                }
                json.put(id.trim(), price);
            }
        }
        return json;
    }
}
