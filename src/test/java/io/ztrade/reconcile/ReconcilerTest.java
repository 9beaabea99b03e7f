package io.ztrade.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ztrade.reconcile.AlpacaOrdersStub.order;
import static io.ztrade.reconcile.AlpacaOrdersStub.position;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ztrade.PipelineTestSupport;
import io.ztrade.desk.DeskState;
import io.ztrade.records.RunRecord;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each reconciliation outcome a trader expects, against WireMock stubs of Alpaca's trading API (documented order and
 * position objects) and the real H2 records: the state a crash or a late fill leaves is written to the tables as it
 * would be, then one pass runs.
 */
@io.ztrade.MostlyWaits
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ReconcilerTest.Holds.class)
class ReconcilerTest extends PipelineTestSupport {

    @RegisterExtension
    static final WireMockExtension ALPACA = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    /** The holds reconciliation asks for, in order, passed on to the desk's durable state. */
    @TestConfiguration
    static class Holds {
        final List<String> held = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        TradingHolds recordedHolds(DeskState desk) {
            return new TradingHolds() {
                @Override
                public void hold(String scope, TradingMode mode, String reason, String source) {
                    held.add(scope + " " + mode + " " + source);
                    desk.hold(scope, mode, reason, source);
                }

                @Override
                public boolean release(String scope, String source, String reason, String by) {
                    held.add(scope + " released by " + source);
                    return desk.release(scope, source, reason, by);
                }
            };
        }
    }

    @Autowired
    Reconciler reconciler;
    @Autowired
    DeskState desk;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    Holds holds;
    @Autowired
    ReconcileHealth health;
    @Autowired
    ReconcileOperations operations;
    @Autowired
    OrderReconciliation orderReconciliation;
    @Autowired
    PositionCheck positionCheck;
    @Autowired
    ReconcileLease lease;
    @Autowired
    ReconcileProperties properties;

    @DynamicPropertySource
    static void alpacaUrl(DynamicPropertyRegistry registry) {
        registry.add("ztrade.alpaca.base-url", ALPACA::baseUrl);
        // the stub has no rate limit: at Alpaca's 200 a minute the passes of this class waited a minute twice
        registry.add("ztrade.alpaca.requests-per-minute", () -> "100000");
    }

    @BeforeEach
    void emptyBrokerAndRecords() {
        ALPACA.stubFor(get(urlEqualTo("/v2/account")).willReturn(AlpacaOrdersStub.json("""
                {"id": "a1", "status": "ACTIVE", "cash": "100000", "equity": "100000", "buying_power": "100000",
                 "portfolio_value": "100000", "trading_blocked": false, "account_blocked": false, "pattern_day_trader": false}""")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions/TSLA")).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":40410000,\"message\":\"position does not exist\"}")));
        AlpacaOrdersStub.orders(ALPACA, List.of(), List.of());
        AlpacaOrdersStub.positions(ALPACA);
        for (String table : List.of("order_intents", "agent_runs", "reconcile_issues", "trading_modes")) {
            jdbc.update("DELETE FROM " + table, Map.of());
        }
        holds.held.clear();
        // the rows are gone, but the desk state may still have a previous test's hold cached (ztrade.desk.cache-ttl)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> desk.effective("test_stock").mode() == TradingMode.ACTIVE);
    }

    @Test
    void aFillAfterThePollTimeoutCompletesTheSubmittedRecord() {
        // the broker accepts the order and fills it only after the run's 2 s poll
        ALPACA.stubFor(get(urlPathEqualTo(AlpacaOrdersStub.BY_ID)).inScenario("late").whenScenarioStateIs(Scenario.STARTED)
                .atPriority(5).willReturn(aResponse().withStatus(404).withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("late").willSetStateTo("accepted").willReturn(
                AlpacaOrdersStub.json(order("61e69015-8549-4bfd-b9c3-01e75843f47d", "{{jsonPath request.body '$.client_order_id'}}",
                        "TSLA", "us_equity", "buy", null, "1000", "accepted", "0", null, NOW)).withTransformers("response-template")));
        ALPACA.stubFor(get(urlPathEqualTo(AlpacaOrdersStub.BY_ID)).inScenario("late").whenScenarioStateIs("accepted")
                .atPriority(5).willReturn(AlpacaOrdersStub.json(order("61e69015-8549-4bfd-b9c3-01e75843f47d",
                        "{{request.query.client_order_id}}", "TSLA", "us_equity", "buy", null, "1000", "accepted", "0", null, NOW))
                        .withTransformers("response-template")));
        RunRecord submitted = forcedRunInItsOwnSecond("test_stock");
        assertThat(submitted.status()).isEqualTo("ORDER_SUBMITTED");

        String filled = order("61e69015-8549-4bfd-b9c3-01e75843f47d", submitted.clientOrderId(), "TSLA", "us_equity", "buy",
                null, "1000", "filled", "4.2", "238.10", NOW);
        AlpacaOrdersStub.orders(ALPACA, List.of(filled), List.of(submitted.clientOrderId()));
        AlpacaOrdersStub.positions(ALPACA, position("TSLA", "us_equity", "4.2", "238.10"));
        ReconcileReport report = reconciler.reconcile("test");

        assertThat(report.outcome()).isEqualTo(ReconcileReport.Outcome.RECONCILED);
        RunRecord completed = store.find(submitted.runId()).orElseThrow();
        assertThat(completed.status()).isEqualTo("FILLED");
        assertThat(completed.fillQty()).isEqualByComparingTo("4.2");
        assertThat(completed.fillPrice()).isEqualByComparingTo("238.10");
        Map<String, Object> marks = jdbc.queryForMap("SELECT reconciled_at, reconcile_note FROM agent_runs WHERE run_id = :id",
                Map.of("id", submitted.runId()));
        assertThat(marks.get("reconciled_at")).isNotNull();
        assertThat((String) marks.get("reconcile_note")).contains("61e69015-8549-4bfd-b9c3-01e75843f47d is filled");
        assertThat(openIntents()).isZero();
        assertThat(report.issues()).isEmpty();
        assertThat(holds.held).isEmpty();
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void theIntentIsWrittenBeforeTheOrderIsPosted() {
        // the broker holds its answer 4 s (the look-ups below take milliseconds): a crash now must still leave a trace
        // of the order
        ALPACA.stubFor(get(urlPathEqualTo(AlpacaOrdersStub.BY_ID)).atPriority(5).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).willReturn(AlpacaOrdersStub.json(order(
                "61e69015-8549-4bfd-b9c3-01e75843f47e", "{{jsonPath request.body '$.client_order_id'}}", "TSLA", "us_equity",
                "buy", null, "1000", "accepted", "0", null, NOW)).withFixedDelay(4_000).withTransformers("response-template")));
        long second = Instant.now().getEpochSecond();
        org.awaitility.Awaitility.await().until(() -> Instant.now().getEpochSecond() > second);

        scheduler.runNow("test_stock", io.ztrade.agent.RunTrigger.MANUAL, true);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> !ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders"))).isEmpty());

        var posted = ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders"))).get(0);
        // the run is still waiting for the broker's answer: no record yet, only the intent
        assertThat(runsSinceTestStart("test_stock")).isEmpty();
        List<Map<String, Object>> intents = jdbc.queryForList("SELECT * FROM order_intents", Map.of());
        assertThat(intents).singleElement().satisfies(intent -> {
            assertThat(posted.getBodyAsString()).contains("\"client_order_id\":\"" + intent.get("client_order_id") + "\"");
            assertThat(intent.get("agent_id")).isEqualTo("test_stock");
            assertThat(intent.get("symbol")).isEqualTo("TSLA");
            assertThat(intent.get("side")).isEqualTo("BUY");
            assertThat((java.math.BigDecimal) intent.get("notional")).isEqualByComparingTo("1000");
            assertThat(((java.time.OffsetDateTime) intent.get("created_at")).toInstant())
                    .isBeforeOrEqualTo(posted.getLoggedDate().toInstant());
        });
        String runId = (String) intents.get(0).get("run_id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> store.find(runId).isPresent());
        assertThat(store.find(runId).orElseThrow().status()).isEqualTo("ORDER_SUBMITTED");
    }

    @Test
    void anIntentWithoutARecordGetsOneRecordUnderItsRunIdAndTheRunsLateRecordMergesIntoIt() {
        // a crash after the broker's answer, before the performance wireTap: only the intent is there
        String cid = "zt-test_crypto-1796000000";
        String runId = "3f1c0c1e-7b7d-4a8e-9c51-0d5d2b0c9a11";
        intent(cid, runId, "test_crypto", "BTC/USD", "crypto", null, "1000", Instant.now().minusSeconds(20));
        String filled = order("7a1b2c3d-0000-4000-8000-000000000001", cid, "BTC/USD", "crypto", "buy", null, "1000",
                "filled", "0.015", "66000", NOW);
        AlpacaOrdersStub.orders(ALPACA, List.of(filled), List.of(cid));
        AlpacaOrdersStub.positions(ALPACA, position("BTCUSD", "crypto", "0.015", "66000"));

        ReconcileReport report = reconciler.reconcile("test");

        assertThat(report.actions()).extracting(ReconcileReport.Action::kind).containsExactly("CREATED");
        assertThat(rowsNaming(cid)).isEqualTo(1);
        RunRecord record = store.find(runId).orElseThrow();
        assertThat(record.status()).isEqualTo("FILLED");
        assertThat(record.agentId()).isEqualTo("test_crypto");
        assertThat(record.fillQty()).isEqualByComparingTo("0.015");
        assertThat(record.orderNotional()).isEqualByComparingTo("1000");
        // maxOrdersPerDay (and the console's P&L, from the fills) count the reconciled order
        assertThat(store.ordersSince("test_crypto", Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(1);
        assertThat(openIntents()).isZero();

        // the run's own record arrives later (a journal replay, a slow node): still one row, the broker's state kept
        jdbc.update("DELETE FROM order_intents", Map.of());
        runsRecordArrivesLate(runId, "test_crypto", cid);
        assertThat(rowsNaming(cid)).isEqualTo(1);
        RunRecord merged = store.find(runId).orElseThrow();
        assertThat(merged.status()).isEqualTo("FILLED");
        assertThat(merged.fillQty()).isEqualByComparingTo("0.015");
        assertThat(merged.price()).isEqualTo(65000.0);
    }

    @Test
    void anIntentTheBrokerNeverGotIsRecordedFailedAfterTheGraceAndNothingIsSent() {
        String old = "zt-test_stock-1796000100";
        String young = "zt-test_stock-1796000200";
        intent(old, "11111111-1111-4111-8111-111111111111", "test_stock", "TSLA", "us_equity", null, "1000",
                Instant.now().minus(10, ChronoUnit.MINUTES));
        intent(young, "22222222-2222-4222-8222-222222222222", "test_stock", "TSLA", "us_equity", null, "1000", Instant.now());

        ReconcileReport report = reconciler.reconcile("test");

        RunRecord failed = store.find("11111111-1111-4111-8111-111111111111").orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("never reached the broker").contains("not sent now");
        assertThat(store.find("22222222-2222-4222-8222-222222222222")).isEmpty();
        assertThat(report.waiting()).anyMatch(w -> w.startsWith(young + ": not at the broker yet"));
        assertThat(ALPACA.findAll(anyRequestedFor(anyUrl())).stream().map(r -> r.getMethod()))
                .containsOnly(RequestMethod.GET);
    }

    @Test
    void aZtradeOrderNoRecordNamesGetsOneRecordAndAnExternalOrderIsOnlyListed() {
        String orphan = order("9c2b6d1e-0000-4000-8000-000000000002", "zt-test_crypto-1796000300", "BTC/USD", "crypto",
                "buy", null, "500", "filled", "0.0075", "66500", NOW);
        String external = order("5d7e8f90-0000-4000-8000-000000000003", "my-own-tsla-buy", "TSLA", "us_equity", "buy",
                "2", null, "filled", "2", "240", NOW);
        AlpacaOrdersStub.orders(ALPACA, List.of(orphan, external), List.of("zt-test_crypto-1796000300", "my-own-tsla-buy"));
        AlpacaOrdersStub.positions(ALPACA, position("BTCUSD", "crypto", "0.0075", "66500"));

        ReconcileReport report = reconciler.reconcile("test");

        assertThat(report.actions()).extracting(ReconcileReport.Action::kind).containsExactly("ORPHAN");
        assertThat(rowsNaming("zt-test_crypto-1796000300")).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT agent_id, status, scheduled_at, fill_qty, reconcile_note"
                + " FROM agent_runs WHERE client_order_id = 'zt-test_crypto-1796000300'", Map.of());
        assertThat(row.get("agent_id")).isEqualTo("test_crypto");
        assertThat(row.get("status")).isEqualTo("FILLED");
        assertThat(((java.time.OffsetDateTime) row.get("scheduled_at")).toInstant()).isEqualTo(Instant.ofEpochSecond(1796000300L));
        assertThat((String) row.get("reconcile_note")).contains("orphan");
        assertThat(report.external()).extracting(ReconcileReport.ExternalOrder::clientOrderId).containsExactly("my-own-tsla-buy");
        assertThat(rowsNaming("my-own-tsla-buy")).isZero();
        assertThat(ALPACA.findAll(anyRequestedFor(anyUrl())).stream().map(r -> r.getMethod()))
                .containsOnly(RequestMethod.GET);
    }

    @Test
    void aPositionTheRecordsDoNotExplainAlertsShowsInHealthAndHoldsTheAgentUntilAcknowledged() {
        filledRecord("run-tsla-1", "test_stock", "TSLA", "zt-test_stock-1796000400", "4.2");
        AlpacaOrdersStub.positions(ALPACA, position("TSLA", "us_equity", "10", "238.10"));

        ReconcileReport report = reconciler.reconcile("test");

        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo("POSITION");
            assertThat(issue.symbol()).isEqualTo("TSLA");
            assertThat(issue.brokerQty()).isEqualByComparingTo("10");
            assertThat(issue.recordsQty()).isEqualByComparingTo("4.2");
        });
        assertThat(holds.held).containsExactly("test_stock HALTED reconciliation");
        assertThat(health.health().getStatus()).isEqualTo(new Status("MISMATCH"));

        // the same difference again: no second issue, alert or hold
        assertThat(reconciler.reconcile("test").issues()).isEmpty();
        assertThat(holds.held).hasSize(1);

        assertThat(desk.effective("test_stock").mode()).isEqualTo(TradingMode.HALTED);

        operations.acknowledge(report.issues().get(0).id());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        // the acknowledgement lifts reconciliation's own hold
        assertThat(holds.held).last().isEqualTo("test_stock released by reconciliation");
        assertThat(desk.effective("test_stock").mode()).isEqualTo(TradingMode.ACTIVE);
        // the acknowledged difference is expected from now on; a new one is raised again
        assertThat(reconciler.reconcile("test").issues()).isEmpty();
        AlpacaOrdersStub.positions(ALPACA, position("TSLA", "us_equity", "11", "238.10"));
        assertThat(reconciler.reconcile("test").issues()).singleElement()
                .satisfies(issue -> assertThat(issue.recordsQty()).isEqualByComparingTo("10"));
    }

    @Test
    void anAcknowledgementLeavesAHoldAProtectionAlsoSet() {
        filledRecord("run-tsla-2", "test_stock", "TSLA", "zt-test_stock-1796000410", "4.2");
        AlpacaOrdersStub.positions(ALPACA, position("TSLA", "us_equity", "10", "238.10"));
        ReconcileReport report = reconciler.reconcile("test");
        // the agent's daily loss trips while reconciliation holds it: as strict, so it only joins the hold
        desk.hold("test_stock", TradingMode.HALTED, "daily loss over the limit", "protection:max-daily-loss");

        operations.acknowledge(report.issues().get(0).id());

        assertThat(desk.effective("test_stock").mode()).as("the protection still holds the agent").isEqualTo(TradingMode.HALTED);
        assertThat(desk.setting("test_stock").source()).isEqualTo("reconciliation+protection:max-daily-loss");
    }

    @Test
    void anAcknowledgementNeverDropsAnOperatorsReduceOnlyToActive() {
        desk.set("test_stock", TradingMode.REDUCE_ONLY, "winding down TSLA", "api", "bob", "AGENT_MODE", true);
        filledRecord("run-tsla-3", "test_stock", "TSLA", "zt-test_stock-1796000420", "4.2");
        AlpacaOrdersStub.positions(ALPACA, position("TSLA", "us_equity", "10", "238.10"));
        ReconcileReport report = reconciler.reconcile("test");
        assertThat(desk.effective("test_stock").mode()).isEqualTo(TradingMode.HALTED);

        operations.acknowledge(report.issues().get(0).id());

        // the operator's REDUCE_ONLY was under the hold: an admin decides what comes after, never an automatic ACTIVE
        assertThat(desk.effective("test_stock").mode()).isEqualTo(TradingMode.HALTED);
        assertThat(desk.setting("test_stock").source()).isEqualTo("reconciliation+api");
    }

    @Test
    void anotherOrderUnderTheRunsIdIsACollisionNeverTheRunsFill() {
        String cid = "zt-test_stock-1796000800";
        intent(cid, "55555555-5555-4555-8555-555555555555", "test_stock", "TSLA", "us_equity", null, "1000",
                Instant.now().minusSeconds(30));
        String stranger = order("bb000000-0000-4000-8000-000000000008", cid, "ETH/USD", "crypto", "buy", null, "1",
                "filled", "0.0003", "3300", NOW);
        AlpacaOrdersStub.orders(ALPACA, List.of(stranger), List.of(cid));

        ReconcileReport first = reconciler.reconcile("test");

        RunRecord record = store.find("55555555-5555-4555-8555-555555555555").orElseThrow();
        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(record.error()).contains("client order id collision");
        assertThat(record.fillQty()).isNull();
        assertThat(record.brokerOrderId()).isNull();
        assertThat(first.issues()).extracting(ReconcileIssue::kind).containsExactly("COLLISION");
        // listed again every pass: raised once, and not again once acknowledged
        assertThat(reconciler.reconcile("test").issues()).isEmpty();
        operations.acknowledge(first.issues().get(0).id());
        assertThat(reconciler.reconcile("test").issues()).isEmpty();
        assertThat(store.find("55555555-5555-4555-8555-555555555555").orElseThrow().fillQty()).isNull();
    }

    @Autowired
    Records records;

    /**
     * Reconciliation reads the runs of every status the policy says may still change at the broker, and no other: a
     * status added to RunStatus and classed as awaiting the broker is read without touching the query.
     */
    @Test
    void theRecordsReconciliationReadsAreThePolicysAwaitingBrokerStatuses() {
        for (io.ztrade.agent.RunStatus status : io.ztrade.agent.RunStatus.values()) {
            jdbc.update("INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at,"
                    + " status, degraded, note, run_json, client_order_id) VALUES (:id, 'test_stock', 'TSLA', 'us_equity',"
                    + " 'SCHEDULE', :at, :at, :status, FALSE, 'x', '{}', :id)", new MapSqlParameterSource("id", "run-" + status)
                    .addValue("status", status.name()).addValue("at", Timestamp.from(Instant.now())));
        }

        assertThat(records.nonFinal()).extracting(RecordRow::status).map(io.ztrade.agent.RunStatus::valueOf)
                .containsExactlyInAnyOrderElementsOf(io.ztrade.agent.RunStatusPolicy.AWAITING_BROKER);

        // once reconciled, only a submitted order (still open at the broker) is read again
        jdbc.update("UPDATE agent_runs SET reconciled_at = :at", new MapSqlParameterSource("at", Timestamp.from(Instant.now())));
        assertThat(records.nonFinal()).extracting(RecordRow::status).containsExactly("ORDER_SUBMITTED");
    }

    @Test
    void aSubmittedRecordWithoutAnOrderOfItsOwnIsLookedAtOnce() {
        // a second attempt of a fire time whose order the first attempt sent: ORDER_SUBMITTED, no client order id
        jdbc.update("INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at,"
                + " status, degraded, note, run_json) VALUES ('run-second-attempt', 'test_stock', 'TSLA', 'us_equity', 'SCHEDULE',"
                + " :at, :at, 'ORDER_SUBMITTED', FALSE, 'already being submitted', '{}')",
                new MapSqlParameterSource("at", Timestamp.from(Instant.now())));

        assertThat(reconciler.reconcile("test").actions()).extracting(ReconcileReport.Action::kind).containsExactly("NO_ORDER");
        assertThat(reconciler.reconcile("test").actions()).as("nothing left to do").isEmpty();
    }

    @Test
    void aSecondPassChangesNothing() {
        intent("zt-test_crypto-1796000500", "33333333-3333-4333-8333-333333333333", "test_crypto", "BTC/USD", "crypto",
                null, "1000", Instant.now().minusSeconds(30));
        intent("zt-test_stock-1796000600", "44444444-4444-4444-8444-444444444444", "test_stock", "TSLA", "us_equity",
                null, "1000", Instant.now().minus(1, ChronoUnit.HOURS));
        String filled = order("aa000000-0000-4000-8000-000000000005", "zt-test_crypto-1796000500", "BTC/USD", "crypto",
                "buy", null, "1000", "filled", "0.015", "66000", NOW);
        String orphan = order("aa000000-0000-4000-8000-000000000006", "zt-test_crypto-1796000700", "BTC/USD", "crypto",
                "buy", null, "1000", "accepted", "0", null, NOW);
        String external = order("aa000000-0000-4000-8000-000000000007", "by-hand", "TSLA", "us_equity", "sell", "1", null,
                "filled", "1", "240", NOW);
        AlpacaOrdersStub.orders(ALPACA, List.of(filled, orphan, external),
                List.of("zt-test_crypto-1796000500", "zt-test_crypto-1796000700", "by-hand"));
        AlpacaOrdersStub.positions(ALPACA, position("BTCUSD", "crypto", "0.02", "66000"));

        ReconcileReport first = reconciler.reconcile("test");
        List<Map<String, Object>> afterFirst = tables();
        int heldAfterFirst = holds.held.size();
        ReconcileReport second = reconciler.reconcile("test");

        assertThat(first.actions()).extracting(ReconcileReport.Action::kind)
                .containsExactlyInAnyOrder("CREATED", "NEVER_REACHED", "ORPHAN");
        assertThat(first.issues()).hasSize(1);
        assertThat(second.actions()).isEmpty();
        assertThat(second.issues()).isEmpty();
        assertThat(tables()).isEqualTo(afterFirst);
        assertThat(holds.held).hasSize(heldAfterFirst);
    }

    @Test
    void twoNodesReconcilingAtOnceGiveAnOrphanOneRecord() throws Exception {
        // a second node: its own Reconciler (own node id, own lock) on the same records database and broker
        Reconciler otherNode = new Reconciler(orderReconciliation, positionCheck, lease, properties);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String cid = "zt-test_crypto-" + (1796110000 + i);
                AlpacaOrdersStub.orders(ALPACA, List.of(order("cc000000-0000-4000-8000-0000000000" + (10 + i), cid, "BTC/USD",
                        "crypto", "buy", null, "100", "accepted", "0", null, NOW)), List.of(cid));
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                var first = nodes.submit(() -> { go.await(); return reconciler.reconcile("node-1"); });
                var second = nodes.submit(() -> { go.await(); return otherNode.reconcile("node-2"); });
                go.countDown();
                List<ReconcileReport> reports = List.of(first.get(), second.get());

                assertThat(rowsNaming(cid)).as("run %d", i).isEqualTo(1);
                assertThat(reports.stream().flatMap(r -> r.actions().stream()).filter(a -> a.clientOrderId().equals(cid)))
                        .as("run %d", i).hasSize(1);
                assertThat(reports).extracting(ReconcileReport::outcome).as("run %d", i)
                        .doesNotContain(ReconcileReport.Outcome.FAILED);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aPassIsSkippedWhileAnotherNodeHoldsTheLease() {
        jdbc.update("UPDATE reconcile_lease SET holder = 'node-2', expires_at = :until",
                new MapSqlParameterSource("until", Timestamp.from(Instant.now().plusSeconds(60))));
        try {
            ReconcileReport report = reconciler.reconcile("test");

            assertThat(report.outcome()).isEqualTo(ReconcileReport.Outcome.SKIPPED);
            assertThat(report.error()).contains("node-2");
            ALPACA.verify(0, anyRequestedFor(urlPathEqualTo(AlpacaOrdersStub.ORDERS)));
        } finally {
            jdbc.update("UPDATE reconcile_lease SET holder = NULL, expires_at = :past",
                    new MapSqlParameterSource("past", Timestamp.from(Instant.EPOCH)));
        }
    }

    private void intent(String cid, String runId, String agentId, String symbol, String assetClass, String qty,
                        String notional, Instant createdAt) {
        jdbc.update("INSERT INTO order_intents (client_order_id, run_id, agent_id, symbol, asset_class, run_trigger, side, qty,"
                        + " notional, time_in_force, scheduled_at, created_at) VALUES (:cid, :runId, :agentId, :symbol,"
                        + " :assetClass, 'SCHEDULE', 'BUY', :qty, :notional, 'gtc', :scheduledAt, :createdAt)",
                new MapSqlParameterSource("cid", cid).addValue("runId", runId).addValue("agentId", agentId)
                        .addValue("symbol", symbol).addValue("assetClass", assetClass)
                        .addValue("qty", qty == null ? null : new java.math.BigDecimal(qty))
                        .addValue("notional", notional == null ? null : new java.math.BigDecimal(notional))
                        .addValue("scheduledAt", Timestamp.from(Instant.ofEpochSecond(Long.parseLong(cid.substring(cid.lastIndexOf('-') + 1)))))
                        .addValue("createdAt", Timestamp.from(createdAt)));
    }

    private void filledRecord(String runId, String agentId, String symbol, String cid, String qty) {
        jdbc.update("INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at,"
                        + " status, degraded, order_side, order_notional, client_order_id, broker_order_id, order_status, fill_qty,"
                        + " fill_price, run_json) VALUES (:runId, :agentId, :symbol, 'us_equity', 'SCHEDULE', :at, :at, 'FILLED',"
                        + " FALSE, 'BUY', 1000, :cid, 'b-1', 'filled', :qty, 238.10, '{}')",
                new MapSqlParameterSource("runId", runId).addValue("agentId", agentId).addValue("symbol", symbol)
                        .addValue("cid", cid).addValue("qty", new java.math.BigDecimal(qty))
                        .addValue("at", Timestamp.from(Instant.now())));
    }

    /** The run's own record, as the performance wireTap writes it, after reconciliation wrote the row. */
    private void runsRecordArrivesLate(String runId, String agentId, String cid) {
        camel.createProducerTemplate().sendBody("direct:recordRun", LateRecords.submittedRun(runId, catalog.get(agentId), cid));
    }

    @Autowired
    org.apache.camel.CamelContext camel;
    @Autowired
    io.ztrade.agent.AgentScheduler scheduler;
    @Autowired
    io.ztrade.agent.AgentCatalog catalog;

    private int rowsNaming(String cid) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM agent_runs WHERE client_order_id = :cid", Map.of("cid", cid),
                Integer.class);
        return rows == null ? 0 : rows;
    }

    private int openIntents() {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM order_intents WHERE resolved_at IS NULL", Map.of(),
                Integer.class);
        return rows == null ? 0 : rows;
    }

    private List<Map<String, Object>> tables() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        all.addAll(jdbc.queryForList("SELECT * FROM agent_runs ORDER BY run_id", Map.of()));
        all.addAll(jdbc.queryForList("SELECT * FROM order_intents ORDER BY client_order_id", Map.of()));
        all.addAll(jdbc.queryForList("SELECT * FROM reconcile_issues ORDER BY id", Map.of()));
        return all;
    }
}
