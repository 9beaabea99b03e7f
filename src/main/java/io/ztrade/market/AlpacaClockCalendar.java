package io.ztrade.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.AlpacaProperties;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.ProviderEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The market-hours authority. With real Alpaca configured, Alpaca's {@code /v2/clock} decides whether the stock
 * market is open now (one answer is reused for {@code ztrade.alpaca.clock-ttl}); a disagreement with the built-in
 * NYSE rules is logged as a warning, since it means an unscheduled closure or a rule that needs updating. Days
 * (the calendar API) and instants not near now, crypto, the simulator, and any clock failure use the NYSE rules.
 */
@Primary
@Component
public class AlpacaClockCalendar implements MarketCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaClockCalendar.class);
    /** A run's scheduled time is "now" for the clock when it is this close to it. */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(2);

    private final NyseCalendar rules;
    private final AlpacaClient alpaca;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private final Clock clock;

    private record ClockReading(boolean open, Instant readAt) {
    }

    private volatile ClockReading last;

    @Autowired
    public AlpacaClockCalendar(NyseCalendar rules, AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper,
                               AlpacaProperties properties) {
        this(rules, alpaca, endpoints, mapper, properties.clockTtl(), Clock.systemUTC());
    }

    AlpacaClockCalendar(NyseCalendar rules, AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper,
                        Duration ttl, Clock clock) {
        this.rules = rules;
        this.alpaca = alpaca;
        this.endpoints = endpoints;
        this.mapper = mapper;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public MarketSession session(AssetClass assetClass, LocalDate date) {
        return rules.session(assetClass, date);
    }

    @Override
    public MarketStatus statusAt(AssetClass assetClass, Instant at) {
        MarketStatus byRules = rules.statusAt(assetClass, at);
        Instant now = clock.instant();
        if (assetClass == AssetClass.CRYPTO || !endpoints.usesRealAlpaca()
                || Duration.between(at, now).abs().compareTo(NOW_TOLERANCE) > 0) {
            return byRules;
        }
        Boolean alpacaOpen = alpacaSaysOpen(now);
        if (alpacaOpen == null || alpacaOpen == byRules.open()) {
            return byRules;
        }
        LOG.warn("market calendar: alpaca /v2/clock says the market is {} at {}, the built-in NYSE rules say {} ({});"
                        + " following alpaca. If this is not an unscheduled closure, update NyseCalendar",
                alpacaOpen ? "open" : "closed", at, byRules.open() ? "open" : "closed", byRules.reason());
        return new MarketStatus(alpacaOpen, alpacaOpen ? "open per alpaca /v2/clock" : "closed per alpaca /v2/clock"
                + (byRules.reason() == null ? "" : "; built-in rules: " + byRules.reason()));
    }

    /** Null when the clock cannot be read: the rules then decide, and the failure is a warning. */
    private Boolean alpacaSaysOpen(Instant now) {
        ClockReading cached = last;
        if (cached != null && Duration.between(cached.readAt(), now).compareTo(ttl) < 0) {
            return cached.open();
        }
        try {
            HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/clock");
            if (!reply.ok()) {
                throw new BadMarketDataException(reply.target() + " answered HTTP " + reply.status());
            }
            JsonNode json = reply.json(mapper);
            JsonNode open = json.get("is_open");
            if (open == null || !open.isBoolean()) {
                throw new BadMarketDataException(reply.target() + " answered without a boolean 'is_open'");
            }
            last = new ClockReading(open.asBoolean(), now);
            return open.asBoolean();
        } catch (RuntimeException e) {
            LOG.warn("market calendar: alpaca /v2/clock unavailable ({}); using the built-in NYSE rules", e.getMessage());
            return null;
        }
    }
}
