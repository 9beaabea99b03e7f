package io.ztrade.risk.protection;

import io.ztrade.broker.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One agent's position under average-cost accounting: a fill that grows the position (either way) moves the average
 * cost; a fill that shrinks it realizes {@code (price - averageCost) x qty} for a long, the opposite for a short, and
 * leaves the average cost alone. A fill larger than the position closes it and opens the rest the other way at the
 * fill price. Immutable.
 *
 * @param qty         units held: positive long, negative short
 * @param averageCost dollars per unit of what is held (zero when flat)
 * @param realized    dollars realized by every closing fill so far
 */
public record AverageCostBook(BigDecimal qty, BigDecimal averageCost, BigDecimal realized) {

    public static final AverageCostBook FLAT = new AverageCostBook(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    private static final MathContext MONEY = MathContext.DECIMAL64;

    /** The book after the fill. */
    public AverageCostBook after(OrderSide side, BigDecimal fillQty, BigDecimal price) {
        BigDecimal signed = side == OrderSide.BUY ? fillQty : fillQty.negate();
        if (qty.signum() == 0 || qty.signum() == signed.signum()) {
            BigDecimal newQty = qty.add(signed);
            BigDecimal cost = qty.multiply(averageCost).add(signed.multiply(price));
            return new AverageCostBook(newQty, cost.divide(newQty, MONEY), realized);
        }
        BigDecimal closed = signed.abs().min(qty.abs());
        // a long gains when sold above cost; a short when bought back below it
        BigDecimal gain = price.subtract(averageCost).multiply(closed).multiply(BigDecimal.valueOf(qty.signum()));
        BigDecimal newQty = qty.add(signed);
        BigDecimal newRealized = realized.add(gain);
        if (newQty.signum() == 0) {
            return new AverageCostBook(BigDecimal.ZERO, BigDecimal.ZERO, newRealized);
        }
        return newQty.signum() == qty.signum()
                ? new AverageCostBook(newQty, averageCost, newRealized)
                : new AverageCostBook(newQty, price, newRealized);
    }

    /** Whether a fill on that side would shrink what is held (a sell of a long, a buy of a short). */
    public boolean reducedBy(OrderSide side) {
        return side == OrderSide.SELL ? qty.signum() > 0 : qty.signum() < 0;
    }

    /** Dollars the open position is up (or down, negative) at that price. */
    public BigDecimal unrealized(BigDecimal mark) {
        return qty.signum() == 0 ? BigDecimal.ZERO : mark.subtract(averageCost).multiply(qty);
    }

    /** Realized plus unrealized at that price. */
    public BigDecimal pnl(BigDecimal mark) {
        return realized.add(unrealized(mark));
    }
}
