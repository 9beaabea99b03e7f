package io.ztrade.decision;

public enum TradeAction {
    BUY, SELL, HOLD
}
