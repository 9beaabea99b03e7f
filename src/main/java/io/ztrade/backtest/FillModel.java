package io.ztrade.backtest;

/**
 * How the paper broker fills a market order: at the price the run saw, moved against the order by the slippage,
 * plus a commission.
 *
 * @param commissionPerOrder dollars per filled order (0 by default, as Alpaca charges none)
 * @param commissionBps      basis points of the traded value (1 bp = 0.01%)
 * @param slippageBps        basis points the fill is worse than the price: a buy pays price x (1 + bps/10000), a
 *                           sell gets price x (1 - bps/10000)
 */
public record FillModel(double commissionPerOrder, double commissionBps, double slippageBps) {

    public FillModel {
        if (commissionPerOrder < 0 || commissionBps < 0 || slippageBps < 0) {
            throw new IllegalArgumentException("commission and slippage must not be negative: " + commissionPerOrder
                    + " per order, " + commissionBps + " bps, slippage " + slippageBps + " bps");
        }
        // 10,000 bps of slippage would sell for nothing or less, an infinite fee makes every figure NaN
        if (Double.isInfinite(commissionPerOrder) || Double.isInfinite(commissionBps) || !(slippageBps < 10_000)) {
            throw new IllegalArgumentException("commission must be a finite number and slippage below 10000 bps: "
                    + commissionPerOrder + " per order, " + commissionBps + " bps, slippage " + slippageBps + " bps");
        }
    }

    public double fillPrice(boolean buy, double price) {
        return buy ? price * (1 + slippageBps / 10_000) : price * (1 - slippageBps / 10_000);
    }

    public double commission(double tradedValue) {
        return commissionPerOrder + tradedValue * commissionBps / 10_000;
    }
}
