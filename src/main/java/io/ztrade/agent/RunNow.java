package io.ztrade.agent;

import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A run now as the API, the console, the CLI ({@code bin/ztrade run}, over the API) and the agent MBean's
 * {@code runNow} ask for it: it starts, or it is answered at once that it will not happen. Refused while the agent has
 * a run going on or waiting anywhere in the cluster (runs of one agent never overlap); skipped when the agent's market
 * is closed, unless forced. The check and the firing are one step for the cluster ({@link ClusterRuns#exclusively}),
 * so two run nows of one agent at the same time, on one node or two, start one run and refuse the other.
 * (A scheduled fire time that comes between the check and the firing still runs first: the run now then waits for it,
 * as Quartz's stateful job never lets two runs of an agent overlap.)
 */
@Component
public class RunNow {

    /** Why a run now does not happen. */
    public enum Outcome {
        SKIPPED_MARKET_CLOSED,
        REFUSED_ALREADY_RUNNING
    }

    /** What a run now was answered. */
    public sealed interface Answer permits Started, NotStarted {
        String message();
    }

    /** The run was fired under this id (its record and its log are found under it). */
    public record Started(String runId, String agentId, Instant requestedAt, boolean force) implements Answer {
        @Override
        public String message() {
            return "run " + runId + " of " + agentId + " started; follow it at /api/runs/" + runId;
        }
    }

    /**
     * No run was fired.
     *
     * @param runId    the agent's run under way or waiting (refused), when known, else null
     * @param node     the node that runs it (refused, clustered, when known), else null
     * @param nextOpen when the agent's market opens next (skipped), else null
     */
    public record NotStarted(String agentId, Outcome outcome, String runId, String node, Instant nextOpen,
                             String message) implements Answer {
    }

    private final AgentCatalog catalog;
    private final AgentActions actions;
    private final InFlightRuns inFlight;
    private final MarketCalendar calendar;
    private final ObjectProvider<ClusterRuns> cluster;
    /** With Quartz in memory: one run now of an agent at a time in this JVM. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    RunNow(AgentCatalog catalog, AgentActions actions, InFlightRuns inFlight, MarketCalendar calendar,
           ObjectProvider<ClusterRuns> cluster) {
        this.catalog = catalog;
        this.actions = actions;
        this.inFlight = inFlight;
        this.calendar = calendar;
        this.cluster = cluster;
    }

    /**
     * Runs the agent now, unless it has a run going on or waiting, or (without {@code force}) its market is closed.
     *
     * @throws UnknownAgentException when there is no such agent
     */
    public Answer request(String agentId, boolean force) {
        AgentSettings agent = catalog.get(agentId);
        ClusterRuns others = cluster.getIfAvailable();
        return others == null ? locally(agent.agentId(), () -> decide(agent, force, null))
                : others.exclusively(agent.agentId(), () -> decide(agent, force, others));
    }

    private <T> T locally(String agentId, Supplier<T> action) {
        synchronized (locks.computeIfAbsent(agentId, id -> new Object())) {
            return action.get();
        }
    }

    private Answer decide(AgentSettings agent, boolean force, ClusterRuns others) {
        Instant now = Instant.now();
        Optional<NotStarted> busy = busy(agent, others);
        if (busy.isPresent()) {
            return busy.get();
        }
        MarketCalendar.MarketStatus market = calendar.statusAt(agent.assetClass(), now);
        if (!force && !market.open()) {
            Instant next = nextOpen(agent, now);
            return new NotStarted(agent.agentId(), Outcome.SKIPPED_MARKET_CLOSED, null, null, next, "run of "
                    + agent.agentId() + " skipped: " + agent.symbol() + "'s market is closed (" + market.reason() + ")"
                    + (next == null ? "" : "; it opens " + PlainText.time(next) + " New York time")
                    + "; add force=true (bin/ztrade run " + agent.agentId() + " --force) to run it anyway");
        }
        return new Started(actions.runNow(agent.agentId(), force), agent.agentId(), now, force);
    }

    /**
     * The agent's run going on or waiting: here first (this node knows its run's id and whether it is only writing its
     * record), then elsewhere in the cluster. Clustered, a run requested here may have started and ended on another
     * node, so the cluster's job store, not this node's memory of requests, says what waits.
     */
    private Optional<NotStarted> busy(AgentSettings agent, ClusterRuns others) {
        if (others == null) {
            return inFlight.runningOf(agent.agentId()).map(run -> refused(agent, run.runId(), null, true, null))
                    .or(() -> inFlight.requestedOf(agent.agentId()).map(r -> refused(agent, r.runId(), null, false, null)));
        }
        return inFlight.runningOf(agent.agentId()).map(run -> refused(agent, run.runId(), others.node(), true, null))
                .or(() -> others.of(agent.agentId())
                        .map(e -> refused(agent, e.runId(), e.node(), e.started(), e.scheduledAt())));
    }

    private static NotStarted refused(AgentSettings agent, String runId, String node, boolean started,
                                      Instant scheduledAt) {
        String run = runId != null ? "run " + runId
                : "a scheduled run" + (scheduledAt == null ? "" : " (fire time " + PlainText.time(scheduledAt) + " New York time)");
        String where = started ? " going on" + (node == null ? "" : " on node " + node) : " waiting to start";
        String follow = runId == null ? "run again when it has ended"
                : "follow that one (GET /api/runs/" + runId + ") or run again when it has ended";
        return new NotStarted(agent.agentId(), Outcome.REFUSED_ALREADY_RUNNING, runId, node, null, "agent "
                + agent.agentId() + " already has " + run + where + "; runs of one agent never overlap: " + follow);
    }

    /** When the agent's market opens next, looking two weeks ahead (null when no session is in them). */
    private Instant nextOpen(AgentSettings agent, Instant now) {
        LocalDate day = now.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        for (int i = 0; i < 14; i++) {
            MarketSession session = calendar.session(agent.assetClass(), day.plusDays(i));
            if (session.open()) {
                Instant open = day.plusDays(i).atTime(session.openTime()).atZone(MarketCalendar.NEW_YORK).toInstant();
                if (open.isAfter(now)) {
                    return open;
                }
            }
        }
        return null;
    }
}
