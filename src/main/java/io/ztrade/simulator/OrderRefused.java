package io.ztrade.simulator;

/** Thrown with Alpaca's status, code and message. */
public final class OrderRefused extends RuntimeException {
    final int status;
    final int code;

    OrderRefused(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
