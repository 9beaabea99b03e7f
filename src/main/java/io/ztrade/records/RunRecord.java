package io.ztrade.records;

import io.ztrade.agent.StepTiming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One row of {@code agent_runs}: the performance record of one run, as the API returns it. */
public record RunRecord(
        String runId, String agentId, String symbol, String assetClass, String trigger,
        Instant scheduledAt, Instant startedAt, Instant finishedAt, String status, boolean degraded,
        Double price, Double bid, Double ask,
        Double sentimentScore, Double sentimentConfidence, String sentimentUnavailable,
        Double technicalSignal, Double technicalConfidence,
        String decision, Double decisionScore, String rationale,
        String riskVerdict, String riskReasons,
        String orderSide, BigDecimal orderQty, BigDecimal orderNotional,
        String clientOrderId, String brokerOrderId, String orderStatus, BigDecimal fillQty, BigDecimal fillPrice,
        List<StepTiming> stepTimings, String note, String error) {
}
