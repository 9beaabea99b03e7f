package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.ztrade.PipelineTestSupport;
import io.ztrade.records.RunRecord;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.component.quartz.StatefulCamelJob;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Concurrency and failure behaviour of the real agent routes, fired through their real Quartz jobs. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.allow-bean-definition-overriding=true")
@Import(InstrumentedStages.class)
class AgentRunControlTest extends PipelineTestSupport {

    @Autowired
    AgentScheduler scheduler;
    @Autowired
    CamelContext camel;

    @BeforeEach
    @AfterEach
    void reset() {
        InstrumentedStages.reset();
        // an outage test opens the provider's breaker; the next test starts with it closed
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void sentimentAndTechnicalAnalysesRunAtTheSameTime() {
        InstrumentedStages.analysesMustMeet = true;

        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);

        RunRecord run = awaitRun("test_crypto", r -> true);
        assertThat(run.status()).as("each analysis waits for the other; run in sequence they would time out: %s", run.error())
                .isEqualTo("FILLED");
        Map<String, StepTiming> steps = run.stepTimings().stream().collect(Collectors.toMap(StepTiming::step, t -> t));
        StepTiming sentiment = steps.get("sentiment");
        StepTiming technical = steps.get("technical");
        assertThat(sentiment.startMs()).isLessThan(technical.startMs() + technical.durationMs());
        assertThat(technical.startMs()).isLessThan(sentiment.startMs() + sentiment.durationMs());
        assertThat(InstrumentedStages.analysisThreads).as("the pool every agent shares, not one of the route's own")
                .hasSize(2).allSatisfy(thread -> assertThat(thread).endsWith("agent analyses"));
    }

    @Test
    void aRouteThatIsRemovedLeavesTheSharedPoolsRunning() throws Exception {
        // a backtest adds a route from the template and removes it when done; the live agents keep the pools
        TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID).routeId("pool_probe").prefixId("pool_probe.")
                .parameter("agentId", "pool_probe").parameter("symbol", "BTC/USD").parameter("assetClass", "crypto")
                .parameter("cron", "0 0 0 1 1 ? 2099").add();
        camel.getRouteController().stopRoute("pool_probe");
        assertThat(camel.removeRoute("pool_probe")).isTrue();

        for (String pool : List.of(AgentThreadPools.ANALYSES, AgentThreadPools.RECORDS)) {
            assertThat(camel.getRegistry().lookupByNameAndType(pool, ExecutorService.class).isShutdown()).as(pool).isFalse();
        }
        InstrumentedStages.analysesMustMeet = true;
        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);
        assertThat(awaitRun("test_crypto", r -> true).status()).isEqualTo("FILLED");
    }

    @Test
    void quartzFindsEachAgentsRouteByItsStoredUri() throws Exception {
        Scheduler quartz = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        for (String agent : List.of("test_stock", "test_crypto")) {
            QuartzEndpoint endpoint = (QuartzEndpoint) camel.getRoute(agent).getEndpoint();
            TriggerKey trigger = endpoint.getTriggerKey();
            String storedUri = quartz.getJobDetail(quartz.getTrigger(trigger).getJobKey()).getJobDataMap()
                    .getString(QuartzConstants.QUARTZ_ENDPOINT_URI);

            assertThat(AgentJobFactory.byStoredUri(camel, storedUri, trigger)).as(agent).isSameAs(endpoint);
            assertThat(AgentJobFactory.byStoredUri(camel, storedUri, TriggerKey.triggerKey("other", "agents"))).isNull();
        }
    }

    @Test
    void everyFireIsAJobOfTheAgentJobFactoryWithCamelQuartzsJobClass() throws Exception {
        InstrumentedStages.mode = InstrumentedStages.Mode.SLOW;
        Scheduler quartz = camel.getComponent("quartz", QuartzComponent.class).getScheduler();

        scheduler.runNow("test_stock", RunTrigger.MANUAL, true);
        JobExecutionContext running = null;
        for (int i = 0; i < 200 && running == null; i++) {
            running = quartz.getCurrentlyExecutingJobs().stream().findFirst().orElse(null);
            Thread.sleep(5);
        }

        awaitRun("test_stock", r -> true);

        assertThat(running).as("the slow run was executing").isNotNull();
        assertThat(running.getJobInstance()).isInstanceOf(AgentJobFactory.StatefulAgentJob.class);
        assertThat(running.getJobDetail().getJobClass()).as("stored class: at most one run per agent")
                .isEqualTo(StatefulCamelJob.class);
    }

    @Test
    void aFailingProviderIsRedeliveredExactlyTwiceThenTheRunIsRecordedFailed() {
        InstrumentedStages.mode = InstrumentedStages.Mode.FAIL;

        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);

        RunRecord run = awaitRun("test_crypto", r -> "FAILED".equals(r.status()));
        assertThat(InstrumentedStages.marketDataCalls).hasValue(3);
        assertThat(run.error()).contains("ProviderUnavailableException")
                .contains("market data simulated outage for BTC/USD");
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.decision()).isNull();
        assertThat(run.clientOrderId()).isNull();
    }

    @Test
    void aStatefulTriggerNeverOverlapsItself() {
        InstrumentedStages.mode = InstrumentedStages.Mode.SLOW;

        for (int i = 0; i < 3; i++) {
            scheduler.runNow("test_stock", RunTrigger.MANUAL, true);
        }

        List<RunRecord> runs = awaitRuns("test_stock", 3);
        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.status()).isNotEqualTo("FAILED"));
        assertThat(InstrumentedStages.marketDataCalls).hasValue(3);
        assertThat(InstrumentedStages.maxRunning).as("runs of one agent at the same time").hasValue(1);
        for (int i = 1; i < runs.size(); i++) {
            RunRecord later = runs.get(i - 1);
            RunRecord earlier = runs.get(i);
            assertThat(later.startedAt()).as("a run starts only after the previous one finished")
                    .isAfterOrEqualTo(earlier.finishedAt());
        }
    }
}
