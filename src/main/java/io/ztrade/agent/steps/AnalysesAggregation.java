package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Joins the parallel {@code analyses} branches into one decision input. Each branch fills in only its own
 * part of the run, so the order in which they finish does not matter. A POJO: no Camel API, so it never sees a
 * branch's exception; the template's {@code stopOnException} keeps a failed branch from reaching it, and a joined
 * run that still lacks a part fails here, naming it, instead of at the decision. The template names it without a
 * method: Camel calls {@link #aggregate} directly, not {@link #merge} through its bean adapter (reflection and a type
 * conversion of both bodies on every run).
 */
@Component
public class AnalysesAggregation implements AggregationStrategy {

    /** As Camel's bean adapter called {@link #merge}: the first branch as it is, then each next one merged in. */
    @Override
    public Exchange aggregate(Exchange joined, Exchange branch) {
        if (joined == null) {
            return branch;
        }
        joined.getMessage().setBody(merge(joined.getMessage().getBody(AgentRun.class), branch.getMessage().getBody(AgentRun.class)));
        return joined;
    }

    public AgentRun merge(AgentRun joined, AgentRun branch) {
        if (joined == null) {
            return branch;
        }
        AgentRun merged = joined.withAnalysesOf(branch);
        if (merged.sentiment() == null || merged.technical() == null) {
            throw new IllegalStateException("analyses of " + merged.agentId() + " run " + merged.runId() + " joined without its "
                    + (merged.technical() == null ? "technical signal" : "sentiment reading")
                    + "; both branches must return the run with their part filled in");
        }
        return merged;
    }
}
