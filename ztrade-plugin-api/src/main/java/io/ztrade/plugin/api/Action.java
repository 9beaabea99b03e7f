package io.ztrade.plugin.api;

/** What a decision asks for. */
public enum Action {
    BUY, SELL, HOLD
}
