package io.ztrade.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.TestAgents;
import io.ztrade.broker.BrokerOrder;
import io.ztrade.broker.OrderSide;
import io.ztrade.provider.ProviderUnavailableException;
import io.ztrade.provider.SecretMasker;
import io.ztrade.records.PerformanceStore;
import io.ztrade.records.RunRecord;
import io.ztrade.risk.protection.Fill;
import io.ztrade.risk.protection.TradeHistory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The portfolio view from the broker's books and the records' fills, without Spring: a broker read stood in for, the
 * fills as the records would give them.
 */
class PortfoliosTest {

    /** 15:00 New York on a Thursday. */
    static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
    static final Instant YESTERDAY = Instant.parse("2026-12-02T15:00:00Z");
    static final Instant THIS_MORNING = Instant.parse("2026-12-03T15:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final List<Fill> fills = new ArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    BrokerReading reading;
    RuntimeException brokerDown;

    final BrokerBook book = new BrokerBook(null, null, null, CircuitBreaker.ofDefaults("test"), null) {
        @Override
        BrokerReading read() {
            reads.incrementAndGet();
            if (brokerDown != null) {
                throw brokerDown;
            }
            return reading;
        }
    };

    final Portfolios portfolios = new Portfolios(book, catalog(agent("agent_btc", "BTC/USD", "crypto")), new Fills(),
            new NoRuns(), new SecretMasker(new MockEnvironment().withProperty("ztrade.alpaca.secret-key", "sk-SECRET-123")),
            new PortfolioProperties(Duration.ofSeconds(15), Duration.ZERO, Duration.ofDays(1)), clock, new SimpleMeterRegistry());

    /** The quoted finding: the console summed 0.08 BTC from the run records while the broker held 0.012. */
    @Test
    void thePositionIsTheBrokersNotTheSumOfTheRecordedFills() {
        fills.add(new Fill(YESTERDAY, "agent_btc", "BTC/USD", OrderSide.BUY, new BigDecimal("0.08"), new BigDecimal("70000")));
        reading = reading(holding("0.012", "70000", "72000", "71000"));

        PortfolioView.AgentPosition btc = portfolios.view().agents().get(0);

        assertThat(btc.qty()).isEqualByComparingTo("0.012");
        assertThat(btc.recordedQty()).isEqualByComparingTo("0.08");
        assertThat(btc.marketValue()).isEqualByComparingTo("864");
        assertThat(btc.unrealizedPnl()).isEqualByComparingTo("24");
        assertThat(btc.avgEntryPrice()).isEqualByComparingTo("70000");
    }

    @Test
    void todaysPnlIsWhatWasRealizedTodayPlusTheOpenPositionsChangeSinceTheDayBegan() {
        // 1 BTC bought yesterday at 80; sold 0.5 this morning at 100; yesterday closed at 90, now 105
        fills.add(new Fill(YESTERDAY, "agent_btc", "BTC/USD", OrderSide.BUY, BigDecimal.ONE, new BigDecimal("80")));
        fills.add(new Fill(THIS_MORNING, "agent_btc", "BTC/USD", OrderSide.SELL, new BigDecimal("0.5"), new BigDecimal("100")));
        reading = reading(holding("0.5", "80", "105", "90"));

        PortfolioView view = portfolios.view();
        PortfolioView.AgentPosition btc = view.agents().get(0);

        // the sold half: 100 - 90 since the close = 5; the kept half: 105 - 90 = 7.5
        assertThat(btc.todayPnl()).isEqualByComparingTo("12.5");
        assertThat(btc.realizedPnl()).isEqualByComparingTo("10");
        assertThat(btc.unrealizedPnl()).isEqualByComparingTo("12.5");
        assertThat(view.desk().todayPnl()).isEqualByComparingTo("250.00");
        assertThat(view.desk().realizedPnl()).isEqualByComparingTo("10");
    }

    @Test
    void aPositionOpenedTodayCountsFromItsEntryNotFromYesterdaysClose() {
        fills.add(new Fill(THIS_MORNING, "agent_btc", "BTC/USD", OrderSide.BUY, BigDecimal.ONE, new BigDecimal("100")));
        reading = reading(holding("1", "100", "105", "90"));

        assertThat(portfolios.view().agents().get(0).todayPnl()).isEqualByComparingTo("5");
    }

    @Test
    void everyCallerWithinTheCachePeriodSharesOneBrokerRead() {
        reading = reading();
        for (int i = 0; i < 50; i++) {
            portfolios.view();
        }
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofSeconds(15));
        portfolios.view();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aBrokerDownKeepsTheLastGoodFiguresAndSaysSinceWhenWithoutTheSecret() {
        reading = reading(holding("0.012", "70000", "72000", "71000"));
        Instant goodRead = reading.readAt();
        portfolios.view();
        clock.advance(Duration.ofSeconds(20));
        Instant firstFailure = clock.instant();
        brokerDown = new ProviderUnavailableException("paper-api.alpaca.markets refused the connection (key sk-SECRET-123)");
        portfolios.view();
        clock.advance(Duration.ofSeconds(20));

        PortfolioView view = portfolios.view();

        assertThat(view.broker().reachable()).isFalse();
        assertThat(view.broker().unreachableSince()).isEqualTo(firstFailure);
        assertThat(view.broker().readAt()).isEqualTo(goodRead);
        assertThat(view.broker().error()).contains("refused the connection").doesNotContain("sk-SECRET-123");
        assertThat(view.agents().get(0).qty()).isEqualByComparingTo("0.012");

        brokerDown = null;
        clock.advance(Duration.ofSeconds(20));
        assertThat(portfolios.view().broker().reachable()).isTrue();
        assertThat(portfolios.view().broker().unreachableSince()).isNull();
    }

    @Test
    void aBrokerNeverReadGivesNoFiguresRatherThanZeros() {
        brokerDown = new ProviderUnavailableException("connection refused");
        PortfolioView view = portfolios.view();
        assertThat(view.desk()).isNull();
        assertThat(view.agents().get(0).qty()).isNull();
        assertThat(view.broker().readAt()).isNull();
    }

    @Test
    void ordersAreTheirAgentsByClientOrderIdAndOthersAreNobodys() {
        reading = new BrokerReading(NOW, new BigDecimal("100000"), new BigDecimal("100000"), new BigDecimal("100000"),
                new BigDecimal("200000"), List.of(), List.of(
                order("zt-agent_btc-1764792000", "new", null), order("zt-agent_btc-1764790000", "filled", "0.01"),
                order("manual-1", "filled", "1")));

        PortfolioView view = portfolios.view();

        assertThat(view.openOrders()).extracting(PortfolioView.OrderView::agentId).containsExactly("agent_btc");
        assertThat(view.fillsToday()).extracting(PortfolioView.OrderView::agentId).containsExactly("agent_btc", null);
        assertThat(view.agents().get(0).openOrders()).isEqualTo(1);
        assertThat(view.agents().get(0).fillsToday()).isEqualTo(1);
    }

    private static BrokerOrder order(String clientOrderId, String status, String filled) {
        return new BrokerOrder("id-" + clientOrderId, clientOrderId, "BTC/USD", "buy", null, new BigDecimal("1000"), status,
                filled == null ? null : new BigDecimal(filled), filled == null ? null : new BigDecimal("70000"), NOW, "crypto");
    }

    private BrokerReading reading(BrokerReading.Holding... holdings) {
        return new BrokerReading(clock.instant(), new BigDecimal("100250.00"), new BigDecimal("100000.00"),
                new BigDecimal("99000"), new BigDecimal("99000"), List.of(holdings), List.of());
    }

    private static BrokerReading.Holding holding(String qty, String avg, String price, String lastday) {
        BigDecimal q = new BigDecimal(qty);
        BigDecimal value = q.multiply(new BigDecimal(price));
        BigDecimal cost = q.multiply(new BigDecimal(avg));
        return new BrokerReading.Holding("BTCUSD", q, new BigDecimal(avg), value, cost, value.subtract(cost),
                new BigDecimal(price), new BigDecimal(lastday));
    }

    static AgentSettings agent(String id, String symbol, String assetClass) {
        Map<String, Object> parameters = TestAgents.defaults(symbol, assetClass);
        parameters.put("agentId", id);
        return AgentSettings.fromParameters(parameters);
    }

    static AgentCatalog catalog(AgentSettings... agents) {
        return new AgentCatalog() {
            @Override
            public Collection<AgentSettings> all() {
                return List.of(agents);
            }
        };
    }

    final class Fills implements TradeHistory {
        @Override
        public List<Fill> fills(String agentId) {
            return fills.stream().filter(f -> agentId == null || f.agentId().equals(agentId)).toList();
        }

        @Override
        public Optional<BigDecimal> lastPrice(String agentId, Instant before) {
            return Optional.empty();
        }

        @Override
        public Optional<PriceRange> priceRange(String agentId, Instant after, Instant before) {
            return Optional.empty();
        }
    }

    static final class NoRuns implements PerformanceStore {
        @Override
        public List<RunRecord> latest(String agentId, int limit) {
            return List.of();
        }

        @Override
        public Optional<RunRecord> find(String runId) {
            return Optional.empty();
        }

        @Override
        public List<RunRecord> startedBy(String agentId, Instant at, int limit) {
            return List.of();
        }

        @Override
        public int ordersSince(String agentId, Instant since) {
            return 3;
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
