package io.ztrade.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Alpaca's JSON shapes for the simulator's objects: every number a string, absent values null, times RFC 3339. */
final class AlpacaJson {

    private AlpacaJson() {
    }

    static Map<String, Object> order(SimulatedOrder o) {
        SimulatedAssets.Asset asset = SimulatedAssets.bySymbol(o.symbol()).orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", o.id());
        json.put("client_order_id", o.clientOrderId());
        json.put("created_at", time(o.submittedAt()));
        json.put("updated_at", time(o.updatedAt()));
        json.put("submitted_at", time(o.submittedAt()));
        json.put("filled_at", time(o.filledAt()));
        json.put("expired_at", time(o.expiredAt()));
        json.put("canceled_at", time(o.canceledAt()));
        json.put("failed_at", null);
        json.put("replaced_at", null);
        json.put("replaced_by", null);
        json.put("replaces", null);
        json.put("asset_id", asset == null ? null : asset.id());
        json.put("symbol", o.symbol());
        json.put("asset_class", o.assetClass());
        json.put("notional", money(o.notional()));
        json.put("qty", money(o.qty()));
        json.put("filled_qty", money(o.filledQty()));
        json.put("filled_avg_price", money(o.filledAvgPrice()));
        json.put("order_class", "simple");
        json.put("order_type", o.type());
        json.put("type", o.type());
        json.put("side", o.side());
        json.put("time_in_force", o.timeInForce());
        json.put("limit_price", money(o.limitPrice()));
        json.put("stop_price", null);
        json.put("status", o.status());
        json.put("extended_hours", false);
        json.put("legs", null);
        json.put("trail_percent", null);
        json.put("trail_price", null);
        json.put("hwm", null);
        return json;
    }

    /**
     * A position at the current simulated price; "last day" is the price at 00:00 New York today, the simulator
     * having no session close of its own for crypto.
     */
    static Map<String, Object> position(Holding h, BigDecimal price, BigDecimal lastDayPrice,
                                        BigDecimal available) {
        SimulatedAssets.Asset asset = SimulatedAssets.bySymbol(h.symbol()).orElseThrow();
        BigDecimal marketValue = h.qty().multiply(price).setScale(2, RoundingMode.HALF_UP);
        BigDecimal costBasis = h.qty().multiply(h.avgEntryPrice()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal unrealized = marketValue.subtract(costBasis);
        BigDecimal lastDayValue = h.qty().multiply(lastDayPrice).setScale(2, RoundingMode.HALF_UP);
        BigDecimal intraday = marketValue.subtract(lastDayValue);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asset_id", asset.id());
        json.put("symbol", h.key());
        json.put("exchange", asset.exchange());
        json.put("asset_class", asset.assetClass());
        json.put("asset_marginable", !asset.crypto());
        json.put("qty", money(h.qty()));
        json.put("avg_entry_price", money(h.avgEntryPrice()));
        json.put("side", h.qty().signum() < 0 ? "short" : "long");
        json.put("market_value", money(marketValue));
        json.put("cost_basis", money(costBasis));
        json.put("unrealized_pl", money(unrealized));
        json.put("unrealized_plpc", money(ratio(unrealized, costBasis.abs())));
        json.put("unrealized_intraday_pl", money(intraday));
        json.put("unrealized_intraday_plpc", money(ratio(intraday, lastDayValue.abs())));
        json.put("current_price", money(price));
        json.put("lastday_price", money(lastDayPrice));
        json.put("change_today", money(ratio(price.subtract(lastDayPrice), lastDayPrice)));
        json.put("qty_available", money(available));
        return json;
    }

    static Map<String, Object> asset(SimulatedAssets.Asset a) {
        boolean equity = !a.crypto();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("class", a.assetClass());
        json.put("exchange", a.exchange());
        json.put("symbol", a.symbol());
        json.put("name", a.name());
        json.put("status", "active");
        json.put("tradable", true);
        json.put("marginable", equity);
        json.put("maintenance_margin_requirement", equity ? 30 : 100);
        json.put("shortable", equity);
        json.put("easy_to_borrow", equity);
        json.put("fractionable", true);
        json.put("attributes", List.of());
        return json;
    }

    static ResponseEntity<Object> error(int status, int code, String message) {
        return ResponseEntity.status(HttpStatus.valueOf(status)).body(Map.of("code", code, "message", message));
    }

    /** Numbers as Alpaca writes them: a plain decimal string without trailing zeros, or null. */
    static String money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, 10, RoundingMode.HALF_UP);
    }
}
