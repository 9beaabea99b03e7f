package io.ztrade.risk;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * REDUCE_ONLY: an order may only shrink the open position. A SELL goes through up to the long held, a BUY (by
 * quantity, not by dollars) up to the short held; an order that would open or grow a position is refused.
 */
public final class ReduceOnly {

    private ReduceOnly() {
    }

    /** The order resized so it shrinks the position without flipping it, or empty when it would open or grow one. */
    static Optional<RiskCheck> resize(RiskCheck check) {
        BigDecimal held = check.positionQty();
        BigDecimal price = BigDecimal.valueOf(check.price());
        if (check.side() == OrderSide.SELL && held.signum() > 0) {
            BigDecimal qty = check.qty().min(held);
            return Optional.of(withQty(check, qty, price));
        }
        if (check.side() == OrderSide.BUY && held.signum() < 0) {
            BigDecimal wanted = check.agent().orderNotional().divide(price, 6, RoundingMode.DOWN);
            return Optional.of(withQty(check, wanted.min(held.negate()), price));
        }
        return Optional.empty();
    }

    /** Whether an order of this side and quantity shrinks a position of {@code held} (negative: short) without flipping. */
    public static boolean shrinks(OrderSide side, BigDecimal qty, BigDecimal held) {
        if (qty == null || qty.signum() <= 0) {
            return false;
        }
        return side == OrderSide.SELL ? held.signum() > 0 && qty.compareTo(held) <= 0
                : held.signum() < 0 && qty.compareTo(held.negate()) <= 0;
    }

    static String refusal(RiskCheck check, EffectiveMode mode) {
        String what = check.side() == OrderSide.SELL
                ? "a SELL with no long position in " + check.agent().symbol() + " would open a short"
                : "a BUY with no short position in " + check.agent().symbol() + " would open or grow a long";
        return "reduce-only: " + what + " (" + mode.describe() + ")";
    }

    private static RiskCheck withQty(RiskCheck check, BigDecimal qty, BigDecimal price) {
        BigDecimal value = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
        return new RiskCheck(check.agent(), check.side(), qty, null, value, check.price(), check.account(),
                check.position(), check.ordersToday());
    }
}
