package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.steps.SentimentStep;
import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.records.RunRecord;

import io.ztrade.sentiment.SentimentReading;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.management.ObjectName;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The parallel {@code analyses} multicast of the real template under stress: thousands of runs fired from several
 * threads at once, each analysis behind a random 0-2 ms delay so the two branches finish in every order, on every
 * thread of the shared pool; optionally a share of the sentiment and technical steps throw instead of running. A run
 * must leave the multicast with both parts, or fail with its own branch's error: never go on to the decision
 * without one (which failed there with "Cannot invoke TechnicalSignal.signal() because technical is null").
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalysesRaceTest extends PipelineTestSupport {

    /** Runs per stress test and the threads firing them at once (FiredTrigger runs each on its caller). */
    static final int RUNS = Integer.getInteger("ztrade.stress.runs", 4000);
    static final int FIRING_THREADS = Integer.getInteger("ztrade.stress.threads", 8);
    static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Runs of the no-delay stress test: the window it hunts for is a few nanoseconds wide. */
    static final int TIGHT_RUNS = Integer.getInteger("ztrade.stress.tight-runs", 20_000);
    /** Twice the analyses pool (ztrade.threads.analyses, 20): its queue is never empty. */
    static final int TIGHT_FIRING_THREADS = 40;
    static final String INJECTED = "injected failure in the ";

    private static final AtomicLong ROUTES = new AtomicLong();

    @Autowired
    CamelContext camel;
    @Autowired
    FiredTrigger trigger;

    String routeId;
    final List<String> routes = new ArrayList<>();
    InterceptStrategy stages;
    /** The share of sentiment, and of technical, steps that throw instead of running. */
    volatile double sentimentFailureRate;
    volatile double technicalFailureRate;
    /** The longest random delay in front of the sentiment, and the technical, analysis (0: none). */
    volatile long maxSentimentDelayNanos = MAX_DELAY_NANOS;
    volatile long maxTechnicalDelayNanos = MAX_DELAY_NANOS;
    /** How often the decision step of this route was called (redeliveries included). */
    final AtomicLong decisions = new AtomicLong();

    @Test
    void everyRunLeavesTheAnalysesWithBothParts() throws Exception {
        addRoute(ThrowAwayErrorHandling.ID);

        List<String> lost = fire(RUNS);

        assertThat(lost).as("%d of %d runs left the analyses incomplete, e.g. %s", lost.size(), RUNS,
                lost.stream().limit(3).toList()).isEmpty();
    }

    /**
     * The sentiment branch finishes at once, while Camel's multicast is still handing out the technical branch: the
     * pool is kept full (more firing threads than pool threads, technical analyses parked up to 0.2 ms), so the
     * hand-out waits in the pool's queue for a random few microseconds. Camel 4.17's MulticastTask.aggregate() then
     * could read the two counters of that hand-out apart (sent: 1, then all sent: yes) and complete the multicast with
     * the sentiment branch alone; the technical branch ran on, unjoined, and the run failed at the decision.
     */
    @Test
    void everyRunLeavesTheAnalysesWithBothPartsWhenTheBranchesFinishAtOnce() throws Exception {
        widenCamelsCompletionCheck();
        addRoute(ThrowAwayErrorHandling.ID);
        maxSentimentDelayNanos = 0;
        maxTechnicalDelayNanos = TimeUnit.MICROSECONDS.toNanos(200);

        List<String> lost = fire(TIGHT_RUNS, TIGHT_FIRING_THREADS);

        assertThat(lost).as("%d of %d runs left the analyses incomplete, e.g. %s", lost.size(), TIGHT_RUNS,
                lost.stream().limit(3).toList()).isEmpty();
    }

    @Test
    void aFailedAnalysisFailsItsRunWithItsOwnErrorAndTheRunNeverReachesTheDecision() throws Exception {
        addRoute(ThrowAwayErrorHandling.ID);
        sentimentFailureRate = 0.02;
        technicalFailureRate = 0.02;

        List<String> lost = fire(RUNS);

        assertThat(lost).as("%d of %d runs went on without a part, or failed with another error than their branch's,"
                + " e.g. %s", lost.size(), RUNS, lost.stream().limit(3).toList()).isEmpty();
    }

    @Test
    void liveAFailedTechnicalAnalysisIsRecordedOnceWithItsOwnError() throws Exception {
        // the live error handling: the branch is redelivered, then handed to the dead letter, which records it
        addRoute("agentErrorHandling");
        technicalFailureRate = 1;

        trigger.fire(routeId, Instant.parse("2026-11-02T15:00:00Z"), RunTrigger.REPLAY);

        assertThat(decisions).as("the run ends at the failed analysis; it never tries the decision").hasValue(0);
        List<RunRecord> records = store.latest(routeId, 10);
        assertThat(records).as("one record of the run, with the analysis' own error: %s", records).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo("FAILED");
                    assertThat(r.error()).contains(INJECTED + "technical branch");
                });
    }

    /**
     * Keeps Camel's MulticastTask.aggregate() out of the JIT compilers: interpreted, its two reads of the hand-out
     * counters lie some tens of nanoseconds apart instead of one, about as long as the compiled hand-out itself, so
     * branches finishing at once hit the window thousands of times more often (a busy machine's preemptions and GC
     * pauses do the same, rarely). Only for methods not compiled yet: in a JVM that already ran many multicasts it
     * changes nothing and the test is just weaker.
     */
    static void widenCamelsCompletionCheck() throws Exception {
        Path directives = Files.createTempFile("ztrade-analyses-race", ".json");
        // the check itself, and the second read (allSent.get()), interpreted
        Files.writeString(directives, "[{match: [\"org/apache/camel/processor/MulticastProcessor$MulticastTask.aggregate\","
                + " \"java/util/concurrent/atomic/AtomicBoolean.get\"], Exclude: true}]");
        ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "compilerDirectivesAdd", new Object[] {new String[] {directives.toString()}},
                new String[] {String[].class.getName()});
    }

    /**
     * Fires that many runs from {@link #FIRING_THREADS} threads at once; returns what went wrong: runs that came out
     * without either analysis or the decision, and runs that failed with anything but their own injected failure.
     */
    List<String> fire(int runs) throws Exception {
        return fire(runs, FIRING_THREADS);
    }

    /** Fires that many runs from that many threads at once. */
    List<String> fire(int runs, int threads) throws Exception {
        Queue<String> lost = new ConcurrentLinkedQueue<>();
        ExecutorService firing = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            Instant base = Instant.parse("2026-11-02T15:00:00Z");
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(firing.submit(() -> {
                    for (int i = thread; i < runs; i += threads) {
                        Instant at = base.plusSeconds(i);
                        try {
                            AgentRun run = trigger.fire(routeId, at, RunTrigger.REPLAY);
                            if (run.sentiment() == null || run.technical() == null || run.decision() == null) {
                                lost.add(at + ": sentiment=" + run.sentiment() + " technical=" + run.technical()
                                        + " status=" + run.status() + " error=" + run.error());
                            }
                        } catch (RuntimeException e) {
                            if (!String.valueOf(e.getMessage()).contains(INJECTED)) {
                                lost.add(at + ": " + e.getMessage());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            firing.shutdownNow();
        }
        return List.copyOf(lost);
    }

    /** A route from the real template, fired by FiredTrigger, with this test's market data and sentiment. */
    void addRoute(String errorHandling) throws Exception {
        routeId = "analyses_stress_" + ROUTES.incrementAndGet();
        String id = routeId;
        // a random delay in front of both analyses of this route only (the context's other routes are untouched),
        // and, when asked, a failure instead of the analysis
        stages = new InterceptStrategy() {
            @Override
            public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                         Processor nextTarget) {
                RouteDefinition route = ProcessorDefinitionHelper.getRoute(definition);
                String step = definition.getId();
                if (route == null || !id.equals(route.getRouteId()) || step == null) {
                    return target;
                }
                String branch = step.substring(step.lastIndexOf('.') + 1);
                if (branch.equals("decision")) {
                    return new DelegateAsyncProcessor(target) {
                        @Override
                        public boolean process(Exchange exchange, AsyncCallback callback) {
                            decisions.incrementAndGet();
                            return super.process(exchange, callback);
                        }
                    };
                }
                if (!branch.equals("sentiment") && !branch.equals("technical")) {
                    return target;
                }
                return new DelegateAsyncProcessor(target) {
                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        long maxDelay = branch.equals("sentiment") ? maxSentimentDelayNanos : maxTechnicalDelayNanos;
                        if (maxDelay > 0) {
                            LockSupport.parkNanos(random.nextLong(maxDelay + 1));
                        }
                        double failureRate = branch.equals("sentiment") ? sentimentFailureRate : technicalFailureRate;
                        if (random.nextDouble() < failureRate) {
                            exchange.setException(new IllegalStateException(INJECTED + branch + " branch"));
                            callback.done(true);
                            return true;
                        }
                        return super.process(exchange, callback);
                    }
                };
            }
        };
        camel.getCamelContextExtension().addInterceptStrategy(stages);

        AgentSettings agent = AgentSettings.fromParameters(parameters());
        MarketSnapshot snapshot = snapshot(agent.symbol(), 120);
        String marketData = "direct:" + routeId + "-market-data";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(marketData).routeId(id + "-market-data").errorHandler(noErrorHandler()).setBody(constant(snapshot));
            }
        });
        routes.add(routeId + "-market-data");

        Map<String, Object> parameters = parameters();
        parameters.put("trigger", FiredTrigger.SCHEME);
        parameters.put("marketDataUri", marketData);
        parameters.put("runLog", "stress.runs");
        parameters.put("errorHandling", errorHandling);
        if (ThrowAwayErrorHandling.ID.equals(errorHandling)) {
            // thousands of runs: no live records
            parameters.put("recordUri", "log:io.ztrade.stress.record?level=TRACE");
        }
        // this route's own runs bean and sentiment, template-local: the live agents keep the live ones
        TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID).routeId(routeId).prefixId(routeId + ".")
                .parameters(parameters)
                .bean(AgentRuns.BEAN, AgentRuns.of(agent))
                .bean("sentimentAnalyzer", new SentimentStep(a -> new SentimentReading(0.2, 0.5, List.of("stress"), 1, null)))
                .add();
        routes.add(routeId);
        for (String route : routes) {
            if (!camel.getRouteController().getRouteStatus(route).isStarted()) {
                camel.getRouteController().startRoute(route);
            }
        }
    }

    @AfterEach
    void removeRoute() throws Exception {
        camel.getCamelContextExtension().getInterceptStrategies().remove(stages);
        for (int i = routes.size() - 1; i >= 0; i--) {
            camel.getRouteController().stopRoute(routes.get(i));
            camel.removeRoute(routes.get(i));
        }
        routes.clear();
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = TestAgents.defaults("BTC/USD", "crypto");
        p.put("agentId", routeId);
        // HOLD always (the score never exceeds 1): the run ends after the decision, no risk call, no order
        p.put("threshold", "1");
        return p;
    }

    /** A snapshot with enough bars for every indicator. */
    static MarketSnapshot snapshot(String symbol, int bars) {
        List<Bar> list = new ArrayList<>(bars);
        Instant t = Instant.parse("2026-11-02T10:00:00Z");
        for (int i = 0; i < bars; i++) {
            double c = 100 + 5 * Math.sin(i / 7.0) + i * 0.05;
            list.add(new Bar(t.plus(Duration.ofMinutes(5L * i)), c - 0.2, c + 0.5, c - 0.5, c, 1000 + i));
        }
        double price = list.get(bars - 1).c();
        return new MarketSnapshot(symbol, price, price, price, t.plus(Duration.ofMinutes(5L * bars)), List.copyOf(list),
                "stress");
    }
}
