package io.ztrade.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The simulator's asset master: every well-formed symbol is a tradable asset (the simulated market prices any
 * symbol), with a stable id derived from the symbol, so orders, positions and {@code /v2/assets} agree.
 */
final class SimulatedAssets {

    /** One asset, as Alpaca's asset object names it; {@code symbol} is written BTC/USD for crypto. */
    record Asset(String id, String assetClass, String exchange, String symbol, String name) {

        boolean crypto() {
            return "crypto".equals(assetClass);
        }
    }

    private static final Pattern EQUITY = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");
    private static final Pattern PAIR = Pattern.compile("([A-Z0-9]{2,10})/(USD|USDT|USDC|BTC)");
    /** Crypto bases a slash-less pair (BTCUSD, as in positions) is recognised by. */
    private static final Set<String> CRYPTO_BASES = Set.of("BTC", "ETH", "SOL", "LTC", "DOGE", "AVAX", "LINK", "UNI", "AAVE", "XRP");
    private static final Map<String, String[]> KNOWN = Map.of(
            "TSLA", new String[] {"NASDAQ", "Tesla, Inc. Common Stock"},
            "AAPL", new String[] {"NASDAQ", "Apple Inc. Common Stock"},
            "SPY", new String[] {"ARCA", "SPDR S&P 500 ETF Trust"},
            "IWM", new String[] {"ARCA", "iShares Russell 2000 ETF"},
            "BTC/USD", new String[] {"CRYPTO", "Bitcoin  / US Dollar"},
            "ETH/USD", new String[] {"CRYPTO", "Ethereum / US Dollar"});

    private SimulatedAssets() {
    }

    /** The asset of an order or position symbol (TSLA, BTC/USD, BTCUSD; any case); empty when not a symbol. */
    static Optional<Asset> bySymbol(String raw) {
        String symbol = raw == null ? "" : raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (PAIR.matcher(symbol).matches()) {
            return Optional.of(asset(symbol, "crypto"));
        }
        for (String quote : new String[] {"USDT", "USDC", "USD"}) {
            if (symbol.endsWith(quote) && CRYPTO_BASES.contains(symbol.substring(0, symbol.length() - quote.length()))) {
                return Optional.of(asset(symbol.substring(0, symbol.length() - quote.length()) + "/" + quote, "crypto"));
            }
        }
        return EQUITY.matcher(symbol).matches() ? Optional.of(asset(symbol, "us_equity")) : Optional.empty();
    }

    /** The asset with this id among the given symbols (ids are derived, so only a known symbol can be found). */
    static Optional<Asset> byId(String id, Iterable<String> symbols) {
        for (String symbol : symbols) {
            Optional<Asset> asset = bySymbol(symbol).filter(a -> a.id().equalsIgnoreCase(id));
            if (asset.isPresent()) {
                return asset;
            }
        }
        return Optional.empty();
    }

    static String idOf(String symbol) {
        return UUID.nameUUIDFromBytes(("ztrade-sim-asset:" + symbol).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Asset asset(String symbol, String assetClass) {
        String[] known = KNOWN.get(symbol);
        String exchange = known != null ? known[0] : "crypto".equals(assetClass) ? "CRYPTO" : "NYSE";
        String name = known != null ? known[1] : symbol + " (simulated)";
        return new Asset(idOf(symbol), assetClass, exchange, symbol, name);
    }
}
