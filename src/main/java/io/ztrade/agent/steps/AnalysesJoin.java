package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The join of the parallel {@code analyses}: the template's {@code analysesFork} hands both branches one
 * {@link Branches}, the multicast's {@code onPrepare} (this bean) has each branch report its end to it, and
 * {@code analysesJoined} waits for both ends and merges them with {@link AnalysesAggregation}.
 * <p>
 * Why not Camel's own aggregation: Camel 4.17's parallel multicast can complete having aggregated only the first
 * branch. {@code MulticastTask.aggregate()} tests {@code nbAggregated >= nbExchangeSent.get() && allSent.get()} with
 * two reads, while {@code MulticastReactiveTask.run()} hands out the last branch with {@code nbExchangeSent++} and then
 * {@code allSent = true}; a first branch finishing in between reads "1 sent" and "all sent" and completes the
 * multicast, and the last branch runs on unjoined. Here a branch reports when its own unit of work is done (after its
 * error handling, success or failure), so no end is lost whatever Camel's bookkeeping says.
 */
@Component(AnalysesJoin.BEAN)
public class AnalysesJoin implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysesJoin.class);

    /** The bean name the template's fork, onPrepare and join name. */
    public static final String BEAN = "analysesJoin";

    /** The exchange property carrying the run's {@link Branches} from the fork to the join. */
    public static final String PROPERTY = "ztrade.analysesJoin";

    private final AnalysesAggregation aggregation;
    private final Duration timeout;

    public AnalysesJoin(AnalysesAggregation aggregation, AnalysesProperties properties) {
        this.aggregation = aggregation;
        this.timeout = properties.joinTimeout();
    }

    /** The fork: both branches start from this run and report to one {@link Branches}. */
    public void fork(Exchange exchange) {
        exchange.setProperty(PROPERTY, new Branches(exchange.getMessage().getBody(AgentRun.class)));
    }

    /** The multicast's onPrepare, on each branch's copy before it runs: the branch reports its end. */
    @Override
    public void process(Exchange branch) {
        Branches branches = branch.getProperty(PROPERTY, Branches.class);
        if (branches == null) {
            throw new IllegalStateException("the analyses multicast runs without its analysesFork step before it");
        }
        CompletableFuture<Exchange> end = new CompletableFuture<>();
        branches.ends.add(end);
        branch.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                end.complete(done);
            }
        });
    }

    /**
     * The join, after the multicast: the run with both branches' parts. A branch that failed fails the run with its
     * own error; one whose failure the error handler already handled (recorded the run FAILED) stops the route, as
     * Camel's stopOnException does; a run still without a part fails here, naming it, never at the decision.
     */
    public void join(Exchange exchange) throws Exception {
        // kept on a failure: a redelivered join fails the same way, not for want of its fork
        Branches branches = exchange.getProperty(PROPERTY, Branches.class);
        if (branches == null) {
            throw new IllegalStateException("the analyses join runs without its analysesFork step");
        }
        AgentRun joined = null;
        for (int i = 0; i < branches.ends.size(); i++) {
            Exchange branch = end(branches, i);
            if (branch.getException() != null) {
                throw branch.getException();
            }
            if (Boolean.TRUE.equals(branch.getExchangeExtension().getErrorHandlerHandled())) {
                ExchangeHelper.copyResults(exchange, branch);
                exchange.setRouteStop(true);
                return;
            }
            joined = aggregation.merge(joined, branch.getMessage().getBody(AgentRun.class));
        }
        if (branches.ends.size() < 2) {
            throw new IllegalStateException("analyses of " + branches.forked.agentId() + " run " + branches.forked.runId()
                    + " joined " + branches.ends.size() + " branches; the multicast must have sentiment and technical");
        }
        exchange.removeProperty(PROPERTY);
        exchange.getMessage().setBody(joined);
    }

    private Exchange end(Branches branches, int index) throws Exception {
        if (!branches.ends.get(index).isDone()) {
            // a branch's unit of work is done before Camel hears of its end: only an early completion gets here
            LOG.warn("analyses of {} run {}: Camel's multicast completed before branch {} ended; the join waits for it",
                    branches.forked.agentId(), branches.forked.runId(), index);
        }
        try {
            return branches.ends.get(index).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("analyses of " + branches.forked.agentId() + " run " + branches.forked.runId()
                    + ": branch " + index + " did not end within " + timeout + " (ztrade.analyses.join-timeout)", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("analyses branch " + index + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** One run's analyses: the run they start from and each branch's end, in the multicast's order. */
    static final class Branches {
        final AgentRun forked;
        final List<CompletableFuture<Exchange>> ends = new CopyOnWriteArrayList<>();

        Branches(AgentRun forked) {
            this.forked = forked;
        }
    }
}
