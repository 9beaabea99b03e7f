package io.ztrade.records;

import io.ztrade.agent.AgentRun;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:recordRun}: the performance wireTap's target, one INSERT through camel-jdbc.
 * {@code direct:runFailed}: the agent routes' dead letter, after the redeliveries are spent.
 */
@Component
public class PerformanceRoutes extends RouteBuilder {

    private final RunRecordStatement statement;
    private final FailedRuns failedRuns;
    private final RunJournal journal;

    public PerformanceRoutes(RunRecordStatement statement, FailedRuns failedRuns, RunJournal journal) {
        this.statement = statement;
        this.failedRuns = failedRuns;
        this.journal = journal;
    }

    @Override
    public void configure() {
        from("direct:recordRun").routeId("record-run")
                // a record the database cannot take waits in the journal until it can (no run is lost)
                .onException(Exception.class).handled(true)
                    .bean(journal, "keep").id("journalRecord")
                .end()
                .setProperty(FailedRuns.RUN_PROPERTY, body())
                // Prometheus counters of runs, decisions, orders and step latencies (never throws)
                .bean("operationsMetrics", "recorded").id("countRun")
                .bean(statement, "insert").id("runRecordStatement")
                .to("jdbc:dataSource?useHeadersAsParameters=true").id("insertRunRecord");

        from("direct:runFailed").routeId("run-failed")
                .choice().id("whenRunStarted")
                    .when(body().isInstanceOf(AgentRun.class))
                        .bean(failedRuns, "failed").id("markFailed")
                        .to("direct:recordRun").id("recordFailedRun")
                        // the INSERT left its result in the body; the alert (and the route's caller) need the run
                        .setBody(exchangeProperty(FailedRuns.RUN_PROPERTY)).id("restoreFailedRun")
                        .bean(failedRuns, "alert").id("alertFailedRun")
                    .otherwise()
                        // the trigger could not even make a run (no such agent): nothing to record, still alert
                        .bean(failedRuns, "notStarted").id("alertNotStarted")
                .end();
    }
}
