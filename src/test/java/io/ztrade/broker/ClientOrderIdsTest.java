package io.ztrade.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

    static final Instant SECOND = Instant.parse("2026-11-25T15:00:00.250Z");

    @Test
    void aScheduledRunKeepsTheDeterministicIdOfItsFireTime() {
        AgentSettings agent = TestAgents.agent("BTC/USD", "crypto");
        AgentRun first = AgentRun.start(agent, RunTrigger.SCHEDULE, false, SECOND, SECOND);
        AgentRun otherNode = AgentRun.start(agent, RunTrigger.SCHEDULE, false, SECOND, SECOND.plusMillis(40));

        assertThat(first.clientOrderId()).isEqualTo("zt-agent_x-1795618800").isEqualTo(otherNode.clientOrderId());
    }

    @Test
    void manualRunsInTheSameSecondGetOneIdEachStableForTheRun() {
        AgentSettings agent = TestAgents.agent("BTC/USD", "crypto");
        Set<String> ids = IntStream.range(0, 18)
                .mapToObj(i -> AgentRun.start(agent, i % 2 == 0 ? RunTrigger.MANUAL : RunTrigger.STARTUP, true, SECOND, SECOND))
                .map(AgentRun::clientOrderId).collect(Collectors.toSet());
        AgentRun run = AgentRun.start(agent, RunTrigger.MANUAL, true, SECOND, SECOND);

        assertThat(ids).hasSize(18).allSatisfy(id -> assertThat(id).matches("zt-agent_x-1795618800-[0-9a-f]{8}"));
        assertThat(run.clientOrderId()).as("every retry of the run sends the same id").isEqualTo(run.clientOrderId())
                .isEqualTo(run.finish(run.status(), "retried").clientOrderId());
    }

    @Test
    void theLongestAgentIdStillFitsWithARunSuffix() {
        Map<String, Object> p = TestAgents.defaults("BTC/USD", "crypto");
        p.put("agentId", "a".repeat(20));
        AgentRun run = AgentRun.start(AgentSettings.fromParameters(p), RunTrigger.MANUAL, true, SECOND, SECOND);

        assertThat(run.clientOrderId()).hasSizeLessThanOrEqualTo(ClientOrderIds.MAX_LENGTH);
    }
}
