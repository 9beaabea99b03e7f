package io.ztrade.agent;

import io.ztrade.broker.ClientOrderIds;
import io.ztrade.broker.OrderAck;
import io.ztrade.decision.TradeDecision;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.risk.RiskVerdict;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One run of one agent: the exchange body from trigger to performance record. Immutable; each stage
 * returns a copy with its own part filled in, so the record written at the end is exactly what the
 * route saw.
 *
 * @param scheduledAt the quartz fire time this run belongs to (a manual run: its request time); the client
 *                    order id derives from it (and, for a manual run, from the run id), so every retry of the
 *                    run produces the same id
 * @param forced      a manual run that ignores market hours
 * @param status      {@link RunStatus#RUNNING} until a stage or the end of the route sets the final status
 * @param note        why the run ended where it did (closed market, risk reasons, broker message)
 */
public record AgentRun(
        String runId,
        AgentSettings agent,
        RunTrigger trigger,
        boolean forced,
        Instant scheduledAt,
        Instant startedAt,
        MarketSnapshot market,
        SentimentReading sentiment,
        TechnicalSignal technical,
        TradeDecision decision,
        RiskVerdict risk,
        OrderAck order,
        List<StepTiming> timings,
        RunStatus status,
        String note,
        String error,
        Instant finishedAt) {

    public static AgentRun start(AgentSettings agent, RunTrigger trigger, boolean forced, Instant scheduledAt,
                                 Instant startedAt) {
        return start(UUID.randomUUID().toString(), agent, trigger, forced, scheduledAt, startedAt);
    }

    /** A run under that id (a replay's, or a manual run's chosen when it was requested). */
    static AgentRun start(String runId, AgentSettings agent, RunTrigger trigger, boolean forced, Instant scheduledAt,
                          Instant startedAt) {
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt,
                null, null, null, null, null, null, List.of(), RunStatus.RUNNING, null, null, null);
    }

    public String agentId() {
        return agent.agentId();
    }

    /**
     * A scheduled (or replayed) run: {@code zt-<agentId>-<fire time in epoch seconds>}, the same for every node and
     * retry of that fire time. A manual or start-up run: that plus its own run id, so runs started in one second
     * never share an order, and every retry of the run sends the same id.
     */
    public String clientOrderId() {
        return trigger == RunTrigger.SCHEDULE || trigger == RunTrigger.REPLAY
                ? ClientOrderIds.of(agent.agentId(), scheduledAt)
                : ClientOrderIds.ofRun(agent.agentId(), scheduledAt, runId);
    }

    /** True while no stage has ended the run; the template's gates let only such runs go further. */
    public boolean inProgress() {
        return status == RunStatus.RUNNING;
    }

    /** Sentiment was unavailable, so the decision rested on the technical signal alone. */
    public boolean degraded() {
        return sentiment != null && sentiment.unavailable();
    }

    public AgentRun withMarket(MarketSnapshot value) {
        return copy(c -> c.market = value);
    }

    public AgentRun withSentiment(SentimentReading value) {
        return copy(c -> c.sentiment = value);
    }

    public AgentRun withTechnical(TechnicalSignal value) {
        return copy(c -> c.technical = value);
    }

    /** Joins the two parallel analyses; each branch filled in only its own part. */
    public AgentRun withAnalysesOf(AgentRun other) {
        return copy(c -> {
            c.sentiment = other.sentiment != null ? other.sentiment : sentiment;
            c.technical = other.technical != null ? other.technical : technical;
        });
    }

    /** The decision, and the status {@link RunStatusPolicy} gives it (a HOLD ends the run). */
    public AgentRun withDecision(TradeDecision value) {
        return copy(c -> c.decision = value).ending(RunStatusPolicy.ofDecision(value), value.rationale());
    }

    /** The verdict, and its status: a rejection ends the run with its reasons; an approval goes on to the broker. */
    public AgentRun withRisk(RiskVerdict value) {
        return copy(c -> c.risk = value).ending(RunStatusPolicy.ofRisk(value.outcome()), String.join("; ", value.reasons()));
    }

    /** The broker's answer, and the status it means, with the broker's message as the note. */
    public AgentRun withOrder(OrderAck value) {
        RunStatus next = RunStatusPolicy.next(this, RunStatusPolicy.ofOrder(value.state()));
        return copy(c -> {
            c.order = value;
            c.status = next;
            c.note = value.message();
        });
    }

    /**
     * Ends the run with a final status and why.
     *
     * @throws IllegalStateException when the run has already ended ({@link RunStatusPolicy#allowed})
     */
    public AgentRun finish(RunStatus finalStatus, String why) {
        RunStatus next = RunStatusPolicy.next(this, finalStatus);
        return copy(c -> {
            c.status = next;
            c.note = why;
        });
    }

    /** Marks the run FAILED with its cause, whatever it had reached (the note it had is kept). */
    public AgentRun failed(String cause) {
        RunStatus next = RunStatusPolicy.next(this, RunStatus.FAILED);
        return copy(c -> {
            c.status = next;
            c.error = cause;
        });
    }

    /** Stamps the end of the route: when it ended and how long each step took. */
    public AgentRun completed(Instant at, List<StepTiming> stepTimings) {
        List<StepTiming> timed = List.copyOf(stepTimings);
        return copy(c -> {
            c.timings = timed;
            c.finishedAt = at;
        });
    }

    /** A stage's result that leaves the run RUNNING goes on; any other status ends it here. */
    private AgentRun ending(RunStatus next, String why) {
        return next == RunStatus.RUNNING ? this : finish(next, why);
    }

    private AgentRun copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The one place the run's components are listed again: each copy method changes only its own parts. */
    private static final class Copy {
        private String runId;
        private final AgentSettings agent;
        private final RunTrigger trigger;
        private final boolean forced;
        private final Instant scheduledAt;
        private final Instant startedAt;
        private MarketSnapshot market;
        private SentimentReading sentiment;
        private TechnicalSignal technical;
        private TradeDecision decision;
        private RiskVerdict risk;
        private OrderAck order;
        private List<StepTiming> timings;
        private RunStatus status;
        private String note;
        private String error;
        private Instant finishedAt;

        Copy(AgentRun run) {
            runId = run.runId;
            agent = run.agent;
            trigger = run.trigger;
            forced = run.forced;
            scheduledAt = run.scheduledAt;
            startedAt = run.startedAt;
            market = run.market;
            sentiment = run.sentiment;
            technical = run.technical;
            decision = run.decision;
            risk = run.risk;
            order = run.order;
            timings = run.timings;
            status = run.status;
            note = run.note;
            error = run.error;
            finishedAt = run.finishedAt;
        }

        AgentRun build() {
            return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment, technical,
                    decision, risk, order, timings, status, note, error, finishedAt);
        }
    }

    /** The one log line per run. */
    public String summary() {
        StringBuilder line = new StringBuilder(agent.agentId()).append(' ').append(agent.symbol());
        if (market != null) {
            line.append(" price=").append(String.format(Locale.ROOT, "%.2f", market.price()));
        }
        if (sentiment != null) {
            line.append(sentiment.unavailable() ? " sentiment=unavailable"
                    : String.format(Locale.ROOT, " sentiment=%+.2f(conf %.2f)", sentiment.score(), sentiment.confidence()));
        }
        if (technical != null) {
            line.append(String.format(Locale.ROOT, " technical=%+.2f(conf %.2f)", technical.signal(), technical.confidence()));
        }
        if (decision != null) {
            line.append(" decision=").append(decision.action())
                    .append(String.format(Locale.ROOT, "(score %+.3f)", decision.score()));
        }
        if (risk != null) {
            line.append(" risk=").append(risk.outcome());
        }
        if (order != null) {
            line.append(" order=").append(order.clientOrderId()).append(' ').append(order.brokerStatus());
        }
        line.append(" status=").append(status);
        if (degraded()) {
            line.append(" (degraded)");
        }
        if (note != null && !inProgress()) {
            line.append(" - ").append(note);
        }
        if (error != null) {
            line.append(" error=").append(error);
        }
        return line.toString();
    }
}
