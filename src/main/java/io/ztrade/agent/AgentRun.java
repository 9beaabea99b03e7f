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
        return new AgentRun(UUID.randomUUID().toString(), agent, trigger, forced, scheduledAt, startedAt,
                null, null, null, null, null, null, List.of(), RunStatus.RUNNING, null, null, null);
    }

    /** The run under the id its request chose (a manual run's, kept by Quartz with its trigger). */
    AgentRun withRunId(String id) {
        return new AgentRun(id, agent, trigger, forced, scheduledAt, startedAt, market, sentiment, technical,
                decision, risk, order, timings, status, note, error, finishedAt);
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
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, value, sentiment, technical,
                decision, risk, order, timings, status, note, error, finishedAt);
    }

    public AgentRun withSentiment(SentimentReading value) {
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, value, technical,
                decision, risk, order, timings, status, note, error, finishedAt);
    }

    public AgentRun withTechnical(TechnicalSignal value) {
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment, value,
                decision, risk, order, timings, status, note, error, finishedAt);
    }

    /** Joins the two parallel analyses; each branch filled in only its own part. */
    public AgentRun withAnalysesOf(AgentRun other) {
        AgentRun merged = this;
        if (other.sentiment != null) {
            merged = merged.withSentiment(other.sentiment);
        }
        if (other.technical != null) {
            merged = merged.withTechnical(other.technical);
        }
        return merged;
    }

    /** A HOLD decision ends the run here; BUY and SELL go on to risk. */
    public AgentRun withDecision(TradeDecision value) {
        AgentRun next = new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment,
                technical, value, risk, order, timings, status, note, error, finishedAt);
        return value.isTrade() ? next : next.finish(RunStatus.HOLD, value.rationale());
    }

    /** A rejection ends the run with its reasons; only an approved verdict lets the order reach the broker. */
    public AgentRun withRisk(RiskVerdict value) {
        AgentRun next = new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment,
                technical, decision, value, order, timings, status, note, error, finishedAt);
        return switch (value.outcome()) {
            case APPROVED -> next;
            case REJECTED -> next.finish(RunStatus.REJECTED_BY_RISK, String.join("; ", value.reasons()));
            case KILL_SWITCH -> next.finish(RunStatus.BLOCKED_KILL_SWITCH, String.join("; ", value.reasons()));
        };
    }

    public AgentRun withOrder(OrderAck value) {
        RunStatus next = switch (value.state()) {
            case FILLED -> RunStatus.FILLED;
            case REJECTED -> RunStatus.REJECTED_BY_BROKER;
            case SUBMITTED -> RunStatus.ORDER_SUBMITTED;
        };
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment, technical,
                decision, risk, value, timings, next, value.message(), error, finishedAt);
    }

    public AgentRun finish(RunStatus finalStatus, String why) {
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment, technical,
                decision, risk, order, timings, finalStatus, why, error, finishedAt);
    }

    public AgentRun failed(String cause) {
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment, technical,
                decision, risk, order, timings, RunStatus.FAILED, note, cause, finishedAt);
    }

    /** Stamps the end of the route: when it ended and how long each step took. */
    public AgentRun completed(Instant at, List<StepTiming> stepTimings) {
        return new AgentRun(runId, agent, trigger, forced, scheduledAt, startedAt, market, sentiment, technical,
                decision, risk, order, List.copyOf(stepTimings), status, note, error, at);
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
