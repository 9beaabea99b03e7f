package io.ztrade.agent.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ExchangeHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The analyses join without a route: the two branch copies are made and prepared as Camel's multicast does, and each
 * "ends" when the test runs the synchronizations its unit of work would run. The race's aftermath: the multicast
 * gave up after the sentiment branch, the technical one ends later, on another thread.
 */
class AnalysesJoinTest {

    final CamelContext camel = new DefaultCamelContext();
    final AnalysesJoin join = new AnalysesJoin(new AnalysesAggregation(), new AnalysesProperties(Duration.ofMillis(500)));
    final AgentRun run = AgentRun.start(TestAgents.agent("BTC/USD", "crypto"), RunTrigger.SCHEDULE, false, Instant.EPOCH,
            Instant.EPOCH);
    final SentimentReading sentiment = new SentimentReading(0.3, 0.5, List.of("test"), 2, null);
    final TechnicalSignal technical = new TechnicalSignal(-0.2, 0.4, Map.of(), null);
    final Exchange original = new DefaultExchange(camel);

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aBranchThatEndsAfterTheMulticastCompletedIsStillJoined() throws Exception {
        Exchange[] branches = fork();
        end(branches[0], run.withSentiment(sentiment));
        original.getMessage().setBody(run.withSentiment(sentiment)); // what the multicast left: the sentiment alone

        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            sleep(50);
            end(branches[1], run.withTechnical(technical));
        });
        join.join(original);
        late.get(5, TimeUnit.SECONDS);

        AgentRun joined = original.getMessage().getBody(AgentRun.class);
        assertThat(joined.sentiment()).isEqualTo(sentiment);
        assertThat(joined.technical()).isEqualTo(technical);
        assertThat(original.getProperty(AnalysesJoin.PROPERTY)).as("the join is dropped with the run").isNull();
    }

    @Test
    void aLateBranchThatFailedFailsTheRunWithItsOwnError() throws Exception {
        Exchange[] branches = fork();
        end(branches[0], run.withSentiment(sentiment));
        branches[1].setException(new IllegalStateException("no bars"));
        end(branches[1], run);

        assertThatThrownBy(() -> join.join(original)).hasMessage("no bars");
    }

    @Test
    void aBranchThatNeverEndsFailsTheRunNamingTheWait() {
        Exchange[] branches = fork();
        end(branches[0], run.withSentiment(sentiment));

        assertThatThrownBy(() -> join.join(original)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run " + run.runId()).hasMessageContaining("branch 1 did not end within PT0.5S");
    }

    @Test
    void aJoinWithoutTheTechnicalSignalFailsNamingIt() {
        Exchange[] branches = fork();
        end(branches[0], run.withSentiment(sentiment));
        end(branches[1], run); // a branch that returned the run without its part

        assertThatThrownBy(() -> join.join(original)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without its technical signal");
    }

    /** The fork on the original, then two copies prepared as the multicast's onPrepare does. */
    private Exchange[] fork() {
        original.getMessage().setBody(run);
        join.fork(original);
        Exchange[] branches = new Exchange[2];
        for (int i = 0; i < 2; i++) {
            branches[i] = ExchangeHelper.createCorrelatedCopy(original, false);
            join.process(branches[i]);
        }
        return branches;
    }

    /** A branch's end: its result, then what its unit of work's done runs. */
    private static void end(Exchange branch, AgentRun result) {
        branch.getMessage().setBody(result);
        for (Synchronization done : branch.getExchangeExtension().handoverCompletions()) {
            if (branch.getException() != null) {
                done.onFailure(branch);
            } else {
                done.onComplete(branch);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
