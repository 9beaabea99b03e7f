package io.ztrade.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One position of the simulated account.
 *
 * @param key the symbol without its slash, as Alpaca keys positions
 */
public record Holding(String key, String symbol, BigDecimal qty, BigDecimal avgEntryPrice) {

    /** The position after a fill of {@code signedQty} (negative sells) at {@code price}; null when flat. */
    static Holding after(Holding before, String key, String symbol, BigDecimal signedQty, BigDecimal price) {
        BigDecimal held = before == null ? BigDecimal.ZERO : before.qty();
        BigDecimal now = held.add(signedQty);
        if (now.signum() == 0) {
            return null;
        }
        BigDecimal avg;
        if (held.signum() == 0 || held.signum() == signedQty.signum()) {
            avg = held.multiply(before == null ? price : before.avgEntryPrice()).add(signedQty.multiply(price))
                    .divide(now, 6, RoundingMode.HALF_UP);
        } else if (now.signum() == held.signum()) {
            avg = before.avgEntryPrice();  // a reduction keeps the entry price
        } else {
            avg = price;  // flipped from long to short (or back): the rest was opened at this fill
        }
        return new Holding(key, symbol, now, avg);
    }
}
