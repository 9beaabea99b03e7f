package io.ztrade.alert;

import java.time.Instant;

/**
 * One alert.
 *
 * @param kind    what it is about; alerts of one kind share a quiet period (e.g. {@code run-failed})
 * @param subject one line, the email's subject
 * @param text    what happened and what to look at
 */
public record Alert(String kind, String subject, String text, Instant at) {
}
