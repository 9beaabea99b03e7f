package io.ztrade.reconcile;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.broker.BrokerOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The one record of an order whose run never wrote one: a crash before the performance wireTap (from the intent, under
 * the run's own id), or a Ztrade-prefixed order nothing here names (from the broker's order alone, under an id derived
 * from its client order id). Either way a second pass, another node, or the run's own record arriving later find that
 * row instead of making another.
 */
@Component
class OrphanRecords {

    /** {@code zt-<agent>-<epoch s>} (scheduled) or {@code zt-<agent>-<epoch s>-<8 hex of the run id>} (manual). */
    private static final Pattern ZTRADE_ID = Pattern.compile("zt-(.+?)-(\\d{9,11})(-[0-9a-f]{8})?");

    private final Records records;
    private final AgentCatalog catalog;

    OrphanRecords(Records records, AgentCatalog catalog) {
        this.records = records;
        this.catalog = catalog;
    }

    /**
     * From the intent, with the broker's order (null: none, the record says FAILED with the why).
     *
     * @param kind the report's name for it: {@code CREATED}, or the reason it failed
     */
    void fromIntent(ReconcileReport.Builder pass, OrderIntent intent, BrokerOrder order, String why, Instant now,
                    String kind) {
        Records.NewRecord record = new Records.NewRecord(intent.runId(), intent.agentId(), intent.symbol(),
                intent.assetClass(), intent.trigger(), intent.scheduledAt(), intent.createdAt(), intent.side().name(),
                intent.qty(), intent.notional(), intent.clientOrderId());
        create(pass, record, order, why, now, kind);
    }

    /** From the broker's order alone: agent and fire time from its client order id. */
    void fromOrder(ReconcileReport.Builder pass, BrokerOrder order, String why, Instant now) {
        Matcher id = ZTRADE_ID.matcher(order.clientOrderId());
        String agentId = id.matches() ? id.group(1) : order.clientOrderId();
        Instant fireTime = id.matches() ? Instant.ofEpochSecond(Long.parseLong(id.group(2)))
                : order.submittedAt() != null ? order.submittedAt() : now;
        String trigger = id.matches() && id.group(3) != null ? RunTrigger.MANUAL.name() : RunTrigger.SCHEDULE.name();
        Optional<AgentSettings> agent = catalog.find(agentId);
        String assetClass = order.assetClass() != null ? order.assetClass()
                : agent.map(a -> a.assetClass().alpacaName()).orElse(order.symbol().contains("/") ? "crypto" : "us_equity");
        String runId = UUID.nameUUIDFromBytes(("ztrade-orphan:" + order.clientOrderId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        Records.NewRecord record = new Records.NewRecord(runId, Records.cut(agentId, 64), order.symbol(), assetClass, trigger,
                fireTime, order.submittedAt() != null ? order.submittedAt() : fireTime,
                order.side().toUpperCase(Locale.ROOT), order.qty(), order.notional(), order.clientOrderId());
        create(pass, record, order, why, now, "ORPHAN");
    }

    private void create(ReconcileReport.Builder pass, Records.NewRecord record, BrokerOrder order, String why, Instant now,
                        String kind) {
        try {
            records.create(record, order, why, now);
            pass.action(kind, record.runId(), record.agentId(), record.clientOrderId(),
                    order == null ? "FAILED" : Records.statusOf(order).name(), why);
        } catch (DuplicateKeyException raced) {
            // the run's own record (or another pass) got there first: complete that row instead
            List<RecordRow> named = records.byClientOrderId(record.clientOrderId());
            RecordRow row = named.isEmpty() ? records.byRunId(record.runId()).orElseThrow(() -> raced) : named.get(0);
            if (order != null && !row.agreesWith(order)) {
                records.complete(row.runId(), order, why, now);
                pass.action("COMPLETED", row.runId(), row.agentId(), record.clientOrderId(), Records.statusOf(order).name(),
                        why);
            }
        }
    }
}
