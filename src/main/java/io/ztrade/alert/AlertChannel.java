package io.ztrade.alert;

/** Somewhere an alert is sent: email, a webhook. A channel that fails logs why; it never throws. */
interface AlertChannel {

    String name();

    void send(Alert alert);
}
