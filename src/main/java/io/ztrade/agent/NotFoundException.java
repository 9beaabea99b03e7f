package io.ztrade.agent;

/** What a request names does not exist (a run, a backtest, a file): answered 404 with the message by {@link ApiErrors}. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
