package io.ztrade.agent;

import java.time.Instant;

/**
 * One line of a run's log (its task log, as Airflow keeps one per task): what the app logged while the run went on,
 * on whichever thread the run was.
 *
 * @param seq     its place in the run's log, from 1 (a gap is where lines were left out: {@link RunLogsProperties})
 * @param at      when it was logged
 * @param level   ERROR, WARN, INFO, DEBUG or TRACE
 * @param step    the template step it was logged in ({@code marketData}, {@code risk}, ...), null between steps
 * @param logger  the logger's name
 * @param message the message with its exception's summary, secrets masked, at most
 *                {@link RunLogsProperties#maxLineLength()} characters
 */
public record RunLogLine(int seq, Instant at, String level, String step, String logger, String message) {
}
