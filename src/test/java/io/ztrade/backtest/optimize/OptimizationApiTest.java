package io.ztrade.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.PipelineTestSupport;
import io.ztrade.backtest.BacktestJob;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * POST /api/optimizations to its result, the errors a wrong request gets, who may start one; and a walk-forward
 * analysis on a small synthetic history: windows, winners, stitched out-of-sample equity, PSR and DSR.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OptimizationApiTest extends PipelineTestSupport {

    /** Technical only, six fires a day: a cheap agent. */
    static final Map<String, Object> CHEAP = Map.of("cron", "0 0 10-15 ? * MON-FRI", "sentimentWeight", 0);

    TestRestTemplate http;
    TestRestTemplate viewer;
    @Autowired
    Optimizations optimizations;
    @Autowired
    Optimizer optimizer;

    @Autowired
    void authenticate(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("admin", "test-admin-password");
        viewer = anonymous.withBasicAuth("viewer", "test-viewer-password");
    }

    @Test
    void anOptimisationRunsItsTrialsAndGivesTheBestSetsWithReportsEveryTrialAndTheDeflatedSharpe() {
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/optimizations", spec(Map.of("from", "2025-03-03",
                "to", "2025-03-14", "optimize", "threshold=0.05:0.3,rsiPeriod=5:20", "trials", 8, "objective", "return")), JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = accepted.getBody().get("id").asText();
        optimizations.await(optimizations.find(id).orElseThrow());

        JsonNode done = http.getForObject("/api/optimizations/" + id, JsonNode.class);
        assertThat(done.get("status").asText()).as("error: %s", done.get("error")).isEqualTo("DONE");
        assertThat(done.at("/progress/done").asInt()).isEqualTo(8);
        assertThat(done.at("/progress/percent").asDouble()).isEqualTo(100.0);
        JsonNode result = done.get("result");
        assertThat(result.get("objective").asText()).isEqualTo("return");
        int trials = result.get("trials").asInt();
        assertThat(trials).isBetween(2, 8);
        assertThat(result.get("all").size()).isEqualTo(trials);
        JsonNode best = result.get("best");
        assertThat(best.size()).isBetween(1, Optimizer.BEST);
        for (int i = 0; i < best.size(); i++) {
            JsonNode b = best.get(i);
            assertThat(b.at("/report/totalReturn").asDouble()).as("its report is the objective's source")
                    .isEqualTo(b.get("objective").asDouble());
            assertThat(Integer.parseInt(b.at("/parameters/rsiPeriod").asText())).as("rounded and bounded").isBetween(5, 20);
            assertThat(b.at("/parameters/threshold").asDouble()).isBetween(0.05, 0.3);
            if (i > 0) {
                assertThat(b.get("objective").asDouble()).isLessThanOrEqualTo(best.get(i - 1).get("objective").asDouble());
            }
        }
        double top = best.get(0).get("objective").asDouble();
        result.get("all").forEach(t -> assertThat(t.get("objective").asDouble()).isLessThanOrEqualTo(top));
        assertThat(result.has("deflatedSharpe")).isTrue();
    }

    @Test
    void aViewerIsRefusedAsForBacktestsAndBadInputIsABadRequestNamingTheParameter() {
        Map<String, Object> ok = spec(Map.of("from", "2025-03-03", "to", "2025-03-07", "optimize", "threshold=0.05:0.3", "trials", 2));
        assertThat(viewer.postForEntity("/api/backtests", ok, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.postForEntity("/api/optimizations", ok, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(message(with(ok, "optimize", "treshold=0.05:0.3")))
                .isEqualTo("'treshold' is not a parameter of the trading-agent template; did you mean 'threshold'?");
        assertThat(message(with(ok, "optimize", "threshold=0.3:0.05"))).contains("'threshold'").contains("low end above its high end");
        assertThat(message(with(ok, "optimize", "threshold=0:2"))).startsWith("optimize 'threshold' range 0:2").contains("threshold");
        assertThat(message(with(ok, "optimize", "symbol=1:2"))).contains("'symbol' is not numeric");
        assertThat(message(with(ok, "optimize", "marketDataUri=1:2"))).contains("'marketDataUri' wires the route");
        assertThat(message(with(ok, "objective", "sharp"))).startsWith("unknown objective 'sharp'");
        assertThat(message(with(ok, "trials", 0))).contains("'trials' must be between 1");
        assertThat(message(with(ok, "walkForward", "train=6M,test=1M"))).contains("leaves no test day");
        assertThat(http.getForEntity("/api/optimizations/nope", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void walkForwardTestsEachWindowsWinnerOnTheNextWindowAndStitchesTheOutOfSampleEquity() throws Exception {
        Optimizer.Plan plan = optimizer.plan(new OptimizationSpec("test_stock", "2025-01-02", "2025-02-28", "synthetic", null,
                null, CHEAP, null, null, null, null, 11L, "threshold=0.05:0.3,smaFast=3:15", 4, "sharpe", "train=3W,test=2W"));
        OptimizationResult result = optimizer.run(plan, Optimizer.Listener.NONE);

        OptimizationResult.WalkForward wf = result.walkForward();
        assertThat(wf.windows()).hasSize(3).hasSize(plan.windows().size());
        assertThat(wf.windows().get(0).testFrom()).isEqualTo(LocalDate.parse("2025-01-23"));
        assertThat(wf.windows().get(wf.windows().size() - 1).testTo()).isEqualTo(LocalDate.parse("2025-02-28"));
        double compounded = 1;
        for (OptimizationResult.WindowResult w : wf.windows()) {
            assertThat(w.trainTo()).isBefore(w.testFrom());
            // the winner is the in-sample best of its own window's trials
            List<OptimizationResult.TrialRow> own = result.all().stream().filter(t -> t.window() == w.index()).toList();
            assertThat(own).hasSize(w.trials());
            assertThat(own).anySatisfy(t -> assertThat(t.parameters()).isEqualTo(w.parameters()));
            own.forEach(t -> assertThat(Optimizer.value(t)).isLessThanOrEqualTo(w.inSample() == null ? -1e9 : w.inSample()));
            compounded *= 1 + w.outOfSampleReturn();
        }
        assertThat(wf.totalReturn()).as("stitched: each window starts with the equity the last one ended with")
                .isCloseTo(compounded - 1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(wf.equity().get(0).t()).as("out of sample only").isAfterOrEqualTo(
                wf.windows().get(0).testFrom().atStartOfDay(io.ztrade.market.MarketCalendar.NEW_YORK).toInstant());
        assertThat(wf.equity().get(wf.equity().size() - 1).equity()).isCloseTo(100_000 * compounded, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(wf.probabilisticSharpe()).isBetween(0.0, 1.0);
        assertThat(wf.deflatedSharpe()).as("deflated for the trials: never above the PSR").isBetween(0.0, wf.probabilisticSharpe());
    }

    @Test
    void theJobReportsProgressWhileRunningThroughTheListener() {
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        OptimizationJob job = optimizations.submit(new OptimizationSpec("test_stock", "2025-03-03", "2025-03-07", "synthetic",
                null, null, CHEAP, null, null, null, null, 3L, "threshold=0.05:0.3", 5, null, null), "local",
                (done, total, best) -> seen.add(done * 100 + total));
        optimizations.await(job);

        assertThat(job.status()).isEqualTo(BacktestJob.Status.DONE);
        assertThat(seen).containsExactly(105, 205, 305, 405, 505);
        // 20 finished jobs are kept to be read: each held its whole history (up to max-bars-per-job bars) and inputs
        assertThat(job.plan()).as("a finished job lets its history go").isNull();
        assertThat(job.view().agent()).isEqualTo("test_stock");
        assertThat(job.view().progress().total()).isEqualTo(5);
    }

    private static Map<String, Object> spec(Map<String, Object> fields) {
        Map<String, Object> spec = new HashMap<>(Map.of("agent", "test_stock", "source", "synthetic", "parameters", CHEAP, "seed", 5));
        spec.putAll(fields);
        return spec;
    }

    private static Map<String, Object> with(Map<String, Object> spec, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(spec);
        copy.put(key, value);
        return copy;
    }

    private String message(Map<String, Object> body) {
        ResponseEntity<JsonNode> r = http.postForEntity("/api/optimizations", body, JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return r.getBody().get("message").asText();
    }
}
