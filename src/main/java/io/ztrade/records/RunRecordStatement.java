package io.ztrade.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * Turns a finished run into the INSERT that camel-jdbc runs: the SQL as the body and the values as named
 * parameters ({@code :?name}), never spliced into the SQL.
 */
@Component
public class RunRecordStatement {

    /**
     * An insert that merges into a row reconciliation wrote first (a run whose record came after reconciliation gave
     * its order a row, e.g. from the journal or a slow node): the run's own analysis fills that row in, and the order
     * part reconciliation took from the broker stays. A row the run itself wrote is left as it is (a journal replay of
     * a record that got through). So one run is one row, however its records arrive.
     */
    static final String INSERT = """
            MERGE INTO agent_runs t USING (SELECT CAST(:?runId AS VARCHAR(36)) AS run_id) s ON t.run_id = s.run_id
            WHEN MATCHED AND t.reconciled_at IS NOT NULL THEN UPDATE SET run_trigger = :?trigger, started_at = :?startedAt,
                degraded = :?degraded, price = :?price, bid = :?bid, ask = :?ask, sentiment_score = :?sentimentScore,
                sentiment_confidence = :?sentimentConfidence, sentiment_unavailable = :?sentimentUnavailable,
                technical_signal = :?technicalSignal, technical_confidence = :?technicalConfidence, decision = :?decision,
                decision_score = :?decisionScore, rationale = :?rationale, risk_verdict = :?riskVerdict,
                risk_reasons = :?riskReasons, step_timings = :?stepTimings, run_json = :?runJson
            WHEN NOT MATCHED THEN INSERT (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at,
                finished_at, status, degraded, price, bid, ask, sentiment_score, sentiment_confidence, sentiment_unavailable,
                technical_signal, technical_confidence, decision, decision_score, rationale, risk_verdict, risk_reasons,
                order_side, order_qty, order_notional, client_order_id, broker_order_id, order_status, fill_qty, fill_price,
                step_timings, note, error, run_json)
            VALUES (:?runId, :?agentId, :?symbol, :?assetClass, :?trigger, :?scheduledAt, :?startedAt, :?finishedAt,
                :?status, :?degraded, :?price, :?bid, :?ask, :?sentimentScore, :?sentimentConfidence, :?sentimentUnavailable,
                :?technicalSignal, :?technicalConfidence, :?decision, :?decisionScore, :?rationale, :?riskVerdict, :?riskReasons,
                :?orderSide, :?orderQty, :?orderNotional, :?clientOrderId, :?brokerOrderId, :?orderStatus, :?fillQty, :?fillPrice,
                :?stepTimings, :?note, :?error, :?runJson)
            """;

    private final ObjectMapper mapper;

    public RunRecordStatement(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String insert(@Body AgentRun run, @Headers Map<String, Object> headers) throws JsonProcessingException {
        headers.put("runId", run.runId());
        headers.put("agentId", run.agentId());
        headers.put("symbol", run.agent().symbol());
        headers.put("assetClass", run.agent().assetClass().alpacaName());
        headers.put("trigger", run.trigger().name());
        headers.put("scheduledAt", time(run.scheduledAt()));
        headers.put("startedAt", time(run.startedAt()));
        headers.put("finishedAt", time(run.finishedAt()));
        headers.put("status", run.status().name());
        headers.put("degraded", run.degraded());
        boolean hasMarket = run.market() != null;
        headers.put("price", hasMarket ? run.market().price() : null);
        headers.put("bid", hasMarket ? run.market().bid() : null);
        headers.put("ask", hasMarket ? run.market().ask() : null);
        boolean hasSentiment = run.sentiment() != null;
        headers.put("sentimentScore", hasSentiment ? run.sentiment().score() : null);
        headers.put("sentimentConfidence", hasSentiment ? run.sentiment().confidence() : null);
        headers.put("sentimentUnavailable", hasSentiment ? cut(run.sentiment().unavailableReason(), 1000) : null);
        headers.put("technicalSignal", run.technical() != null ? run.technical().signal() : null);
        headers.put("technicalConfidence", run.technical() != null ? run.technical().confidence() : null);
        headers.put("decision", run.decision() != null ? run.decision().action().name() : null);
        headers.put("decisionScore", run.decision() != null ? run.decision().score() : null);
        headers.put("rationale", run.decision() != null ? cut(run.decision().rationale(), 2000) : null);
        headers.put("riskVerdict", run.risk() != null ? run.risk().outcome().name() : null);
        headers.put("riskReasons", run.risk() != null ? cut(String.join("; ", run.risk().reasons()), 4000) : null);
        headers.put("orderSide", run.risk() != null && run.risk().side() != null ? run.risk().side().name() : null);
        headers.put("orderQty", run.risk() != null ? run.risk().qty() : null);
        headers.put("orderNotional", run.risk() != null ? run.risk().notional() : null);
        boolean hasOrder = run.order() != null;
        // a run cut by a shutdown after risk approved its order names that order's id, for reconciliation to look up
        boolean interruptedOrder = run.status() == RunStatus.INTERRUPTED && run.risk() != null && run.risk().approved();
        headers.put("clientOrderId", hasOrder ? run.order().clientOrderId() : interruptedOrder ? run.clientOrderId() : null);
        headers.put("brokerOrderId", hasOrder ? run.order().brokerOrderId() : null);
        headers.put("orderStatus", hasOrder ? run.order().brokerStatus() : null);
        headers.put("fillQty", hasOrder ? run.order().filledQty() : null);
        headers.put("fillPrice", hasOrder ? run.order().filledAvgPrice() : null);
        headers.put("stepTimings", cut(mapper.writeValueAsString(run.timings()), 4000));
        headers.put("note", cut(run.note(), 4000));
        headers.put("error", cut(run.error(), 4000));
        headers.put("runJson", mapper.writeValueAsString(run));
        return INSERT;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
