package io.ztrade.decision;

import io.ztrade.agent.AgentRun;
import org.springframework.stereotype.Component;

/**
 * Joins the parallel {@code analyses} branches into one decision input. Each branch fills in only its own
 * part of the run, so the order in which they finish does not matter. A POJO: no Camel API.
 */
@Component
public class AnalysesAggregation {

    public AgentRun merge(AgentRun joined, AgentRun branch) {
        return joined == null ? branch : joined.withAnalysesOf(branch);
    }
}
