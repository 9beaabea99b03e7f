package io.ztrade.portfolio;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.broker.BrokerOrder;
import io.ztrade.broker.OrderAck;
import io.ztrade.provider.SecretMasker;
import io.ztrade.records.PerformanceStore;
import io.ztrade.risk.protection.AverageCostBook;
import io.ztrade.risk.protection.Fill;
import io.ztrade.risk.protection.PnlCurve;
import io.ztrade.risk.protection.TradeHistory;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The portfolio view, built from one read of the broker's books kept for {@code ztrade.portfolio.cache-for}: every
 * browser, API call and gauge in that period shares it (one read at a time; the others wait for it). A failed read
 * keeps the last good figures and says since when the broker is unreachable; it never fails the caller.
 */
@Service
@EnableConfigurationProperties(PortfolioProperties.class)
public class Portfolios {

    private static final Logger LOG = LoggerFactory.getLogger(Portfolios.class);

    private final BrokerBook book;
    private final AgentCatalog catalog;
    private final TradeHistory history;
    private final PerformanceStore runs;
    private final SecretMasker secrets;
    private final PortfolioProperties properties;
    private final Clock clock;
    private final PortfolioMetrics metrics;

    private PortfolioView cached;
    private Instant cachedAt = Instant.EPOCH;
    private BrokerReading lastGood;
    private Instant unreachableSince;
    private String error;

    @Autowired
    Portfolios(BrokerBook book, AgentCatalog catalog, TradeHistory history, PerformanceStore runs, SecretMasker secrets,
               PortfolioProperties properties, MeterRegistry registry) {
        this(book, catalog, history, runs, secrets, properties, Clock.systemUTC(), registry);
    }

    Portfolios(BrokerBook book, AgentCatalog catalog, TradeHistory history, PerformanceStore runs, SecretMasker secrets,
               PortfolioProperties properties, Clock clock, MeterRegistry registry) {
        this.book = book;
        this.catalog = catalog;
        this.history = history;
        this.runs = runs;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.metrics = new PortfolioMetrics(registry, this);
    }

    /** The view, read again when the cached one is older than {@code cache-for}. */
    public synchronized PortfolioView view() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedAt.plus(properties.cacheFor()))) {
            cached = build(now);
            cachedAt = now;
            metrics.update(cached);
        }
        return cached;
    }

    /** The last view built, without reading the broker (the gauges: a scrape never waits for the broker). */
    public synchronized Optional<PortfolioView> lastView() {
        return Optional.ofNullable(cached);
    }

    private PortfolioView build(Instant now) {
        try {
            lastGood = book.read();
            unreachableSince = null;
            error = null;
        } catch (RuntimeException e) {
            if (unreachableSince == null) {
                unreachableSince = now;
                LOG.warn("Portfolio: the broker is unreachable ({}); showing the figures read at {}",
                        secrets.mask(e.getMessage()), lastGood == null ? "never" : lastGood.readAt());
            }
            error = e.getClass().getSimpleName() + ": " + secrets.mask(String.valueOf(e.getMessage()));
        }
        PortfolioView.BrokerState state = new PortfolioView.BrokerState(unreachableSince == null,
                lastGood == null ? null : lastGood.readAt(), unreachableSince, error);
        return compose(now, state, lastGood);
    }

    private PortfolioView compose(Instant now, PortfolioView.BrokerState state, BrokerReading reading) {
        Instant dayStart = BrokerBook.dayStart(now);
        List<AgentSettings> agents = catalog.all().stream().sorted(Comparator.comparing(AgentSettings::agentId)).toList();
        Map<String, List<Fill>> fills = history.fills(null).stream().collect(Collectors.groupingBy(Fill::agentId));
        Map<String, List<String>> bySymbol = new TreeMap<>();
        agents.forEach(a -> bySymbol.computeIfAbsent(key(a.symbol()), k -> new ArrayList<>()).add(a.agentId()));
        Map<String, BrokerReading.Holding> holdings = new HashMap<>();
        List<BrokerOrder> orders = reading == null ? List.of() : reading.orders();
        if (reading != null) {
            reading.positions().forEach(h -> holdings.put(key(h.key()), h));
        }
        List<PortfolioView.OrderView> open = new ArrayList<>();
        List<PortfolioView.OrderView> filled = new ArrayList<>();
        for (BrokerOrder o : orders) {
            PortfolioView.OrderView view = new PortfolioView.OrderView(agentOf(o.clientOrderId(), agents), o.clientOrderId(),
                    o.symbol(), o.side(), o.qty(), o.notional(), o.status(), o.filledQty(), o.filledAvgPrice(), o.submittedAt());
            if (o.state() == OrderAck.State.SUBMITTED) {
                open.add(view);
            }
            if (o.filledQty() != null && o.filledQty().signum() > 0) {
                filled.add(view);
            }
        }
        List<PortfolioView.AgentPosition> positions = new ArrayList<>();
        BigDecimal realizedTotal = BigDecimal.ZERO;
        for (AgentSettings agent : agents) {
            List<Fill> own = fills.getOrDefault(agent.agentId(), List.of());
            PnlCurve curve = PnlCurve.of(own, now);
            AverageCostBook nowBook = curve.book(agent.agentId());
            AverageCostBook dayStartBook = PnlCurve.of(own, dayStart.minusNanos(1)).book(agent.agentId());
            realizedTotal = realizedTotal.add(nowBook.realized());
            BrokerReading.Holding h = reading == null ? null : holdings.get(key(agent.symbol()));
            List<String> sharing = bySymbol.get(key(agent.symbol())).stream().filter(id -> !id.equals(agent.agentId())).toList();
            BigDecimal realizedToday = nowBook.realized().subtract(dayStartBook.realized());
            // a shared symbol's broker position is several agents': each one's part is valued from its own fills
            BigDecimal unrealized = h == null ? (reading == null ? null : BigDecimal.ZERO)
                    : sharing.isEmpty() || h.currentPrice() == null ? unrealized(h) : nowBook.unrealized(h.currentPrice());
            BigDecimal openAtDayStart = h == null || h.lastdayPrice() == null ? BigDecimal.ZERO
                    : dayStartBook.unrealized(h.lastdayPrice());
            BigDecimal today = reading == null || !sharing.isEmpty() ? null
                    : realizedToday.add(unrealized).subtract(openAtDayStart);
            positions.add(new PortfolioView.AgentPosition(agent.agentId(), agent.symbol(),
                    reading == null ? null : h == null ? BigDecimal.ZERO : h.qty(), nowBook.qty(),
                    h == null ? null : h.avgEntryPrice(), h == null ? null : h.currentPrice(),
                    reading == null ? null : h == null ? BigDecimal.ZERO : h.marketValue(), unrealized, nowBook.realized(),
                    today, runs.ordersSince(agent.agentId(), dayStart), agent.maxOrdersPerDay(),
                    (int) open.stream().filter(o -> agent.agentId().equals(o.agentId())).count(),
                    (int) filled.stream().filter(o -> agent.agentId().equals(o.agentId())).count(), sharing));
        }
        List<PortfolioView.Holding> others = new ArrayList<>();
        BigDecimal marketValue = BigDecimal.ZERO;
        BigDecimal unrealizedTotal = BigDecimal.ZERO;
        if (reading != null) {
            for (BrokerReading.Holding h : reading.positions()) {
                marketValue = marketValue.add(h.marketValue());
                unrealizedTotal = unrealizedTotal.add(unrealized(h));
                if (!bySymbol.containsKey(key(h.key()))) {
                    others.add(new PortfolioView.Holding(h.key(), h.qty(), h.avgEntryPrice(), h.currentPrice(),
                            h.marketValue(), unrealized(h)));
                }
            }
        }
        PortfolioView.Desk desk = reading == null ? null : new PortfolioView.Desk(reading.equity(), reading.lastEquity(),
                reading.equity().subtract(reading.lastEquity()), reading.cash(), reading.buyingPower(), marketValue,
                unrealizedTotal, realizedTotal, open.size(), filled.size());
        return new PortfolioView(now, state, desk, List.copyOf(positions), List.copyOf(others), List.copyOf(open),
                List.copyOf(filled));
    }

    /** The broker's unrealized P&L, or market value less cost when it sends none. */
    private static BigDecimal unrealized(BrokerReading.Holding h) {
        if (h.unrealizedPnl() != null) {
            return h.unrealizedPnl();
        }
        BigDecimal cost = h.costBasis() != null ? h.costBasis() : h.qty().multiply(h.avgEntryPrice());
        return h.marketValue().subtract(cost);
    }

    /** The agent whose client order ids this one has (the longest such agent id), or null: someone else's order. */
    static String agentOf(String clientOrderId, List<AgentSettings> agents) {
        if (clientOrderId == null || !clientOrderId.startsWith(BrokerOrder.ZTRADE_PREFIX)) {
            return null;
        }
        return agents.stream().map(AgentSettings::agentId)
                .filter(id -> clientOrderId.startsWith(BrokerOrder.ZTRADE_PREFIX + id + "-"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    /** Positions are keyed without the slash (BTC/USD is BTCUSD). */
    static String key(String symbol) {
        return symbol.replace("/", "").toUpperCase(Locale.ROOT);
    }
}
