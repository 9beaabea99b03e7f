package io.ztrade.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderUnavailableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Alpaca's market data API (or the simulator's copy of it): latest trade and quote, and the most recent bars,
 * paged with {@code next_page_token}. Stocks use the v2 stocks endpoints on the free IEX feed; crypto the
 * v1beta3 endpoints, priced at the quote mid, with CoinGecko's price as the fallback when the quote fails. Every
 * number is checked: a NaN, zero or negative price, a missing field, a stale price or bars out of order is bad
 * data, never a trade.
 */
@Component
public class AlpacaMarketData implements MarketDataProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaMarketData.class);

    /** Look back far enough to find the bars asked for across nights, weekends and holidays. */
    static final Duration LOOKBACK = Duration.ofDays(30);
    static final int MAX_PAGES = 20;

    private final AlpacaClient alpaca;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper mapper;
    private final CoinGeckoPrice coinGecko;
    private final MarketCalendar calendar;
    private final MarketProperties properties;
    private final Clock clock;

    @Autowired
    public AlpacaMarketData(AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper, CoinGeckoPrice coinGecko,
                            NyseCalendar calendar, MarketProperties properties) {
        this(alpaca, endpoints, mapper, coinGecko, calendar, properties, Clock.systemUTC());
    }

    AlpacaMarketData(AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper, CoinGeckoPrice coinGecko,
                     MarketCalendar calendar, MarketProperties properties, Clock clock) {
        this.alpaca = alpaca;
        this.endpoints = endpoints;
        this.mapper = mapper;
        this.coinGecko = coinGecko;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public MarketSnapshot snapshot(Instrument instrument, String barTimeframe, int barCount) {
        Query agent = new Query(instrument.agentId(), instrument.symbol(), instrument.assetClass(), barTimeframe, barCount);
        return agent.assetClass() == AssetClass.CRYPTO ? crypto(agent) : stock(agent);
    }

    /** One snapshot's question: the instrument, with the bars wanted. */
    private record Query(String agentId, String symbol, AssetClass assetClass, String barTimeframe, int barCount) {
    }

    private MarketSnapshot stock(Query agent) {
        String base = endpoints.alpacaData() + "/v2/stocks/" + encode(agent.symbol());
        HttpReply tradeReply = get(base + "/trades/latest?feed=iex");
        JsonNode trade = Json.required(tradeReply.json(mapper), "trade", tradeReply.target());
        double price = positive(Json.number(trade, "p", tradeReply.target()), "trade price", tradeReply.target());
        Instant tradeTime = time(trade, tradeReply.target());

        HttpReply quoteReply = get(base + "/quotes/latest?feed=iex");
        JsonNode quote = Json.required(quoteReply.json(mapper), "quote", quoteReply.target());
        double bid = positive(Json.number(quote, "bp", quoteReply.target()), "bid", quoteReply.target());
        double ask = positive(Json.number(quote, "ap", quoteReply.target()), "ask", quoteReply.target());
        // on the IEX feed a quiet stock may not print a trade for minutes while its quote is current
        Instant quoteTime = time(quote, quoteReply.target());
        requireFresh(agent, tradeTime.isAfter(quoteTime) ? tradeTime : quoteTime, base.substring(base.indexOf("/v2/")) + "/{trades,quotes}/latest");

        List<Bar> bars = bars(agent, base + "/bars?timeframe=" + encode(agent.barTimeframe()) + "&feed=iex", null);
        return new MarketSnapshot(agent.symbol(), price, bid, ask, tradeTime, bars, "alpaca");
    }

    private MarketSnapshot crypto(Query agent) {
        String symbols = "symbols=" + encode(agent.symbol());
        List<Bar> bars = bars(agent, endpoints.alpacaData() + "/v1beta3/crypto/us/bars?" + symbols + "&timeframe="
                + encode(agent.barTimeframe()), agent.symbol());
        try {
            HttpReply quoteReply = get(endpoints.alpacaData() + "/v1beta3/crypto/us/latest/quotes?" + symbols);
            JsonNode quote = Json.required(Json.required(quoteReply.json(mapper), "quotes", quoteReply.target()),
                    agent.symbol(), quoteReply.target());
            double bid = positive(Json.number(quote, "bp", quoteReply.target()), "bid", quoteReply.target());
            double ask = positive(Json.number(quote, "ap", quoteReply.target()), "ask", quoteReply.target());
            Instant quoteTime = time(quote, quoteReply.target());
            requireFresh(agent, quoteTime, quoteReply.target());
            return new MarketSnapshot(agent.symbol(), (bid + ask) / 2, bid, ask, quoteTime, bars, "alpaca");
        } catch (ProviderDataException | ProviderUnavailableException alpacaFailed) {
            if (!coinGecko.covers(agent.symbol())) {
                throw alpacaFailed;
            }
            LOG.warn("agent {}: alpaca crypto quote for {} failed ({}); using CoinGecko's price", agent.agentId(),
                    agent.symbol(), alpacaFailed.getMessage());
            CoinGeckoPrice.Price fallback = coinGecko.price(agent.symbol());
            requireFresh(agent, fallback.updatedAt(), "coingecko");
            return new MarketSnapshot(agent.symbol(), fallback.usd(), fallback.usd(), fallback.usd(), fallback.updatedAt(),
                    bars, "coingecko");
        }
    }

    /**
     * A price older than {@code ztrade.market.max-quote-age} is stale, but only while the market trades: after the
     * stock close the last print is old by nature, and a forced run then still gets it.
     */
    private void requireFresh(Query agent, Instant printedAt, String target) {
        Instant now = clock.instant();
        if (!calendar.statusAt(agent.assetClass(), now).open()) {
            return;
        }
        Duration age = Duration.between(printedAt, now);
        if (age.compareTo(properties.maxQuoteAge()) > 0) {
            throw new BadMarketDataException("agent " + agent.agentId() + ": " + target + " price for " + agent.symbol()
                    + " is " + age.toSeconds() + " s old (printed " + printedAt + ") while the market is open; the limit is"
                    + " ztrade.market.max-quote-age=" + properties.maxQuoteAge() + " (raise it only if the feed is known to lag)");
        }
    }

    /**
     * The newest {@code barCount} bars, oldest first. Asked newest first ({@code sort=desc}) so one page
     * usually suffices; further pages follow {@code next_page_token}.
     *
     * @param cryptoKey the symbol under which v1beta3 nests bars; null for the stocks API
     */
    private List<Bar> bars(Query agent, String url, String cryptoKey) {
        String start = clock.instant().minus(LOOKBACK).toString();
        List<Bar> newestFirst = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES && newestFirst.size() < agent.barCount(); page++) {
            String pageUrl = url + "&start=" + encode(start) + "&limit=" + (agent.barCount() - newestFirst.size()) + "&sort=desc"
                    + (pageToken == null ? "" : "&page_token=" + encode(pageToken));
            HttpReply reply = get(pageUrl);
            JsonNode body = reply.json(mapper);
            JsonNode bars = cryptoKey == null ? body.path("bars") : body.path("bars").path(cryptoKey);
            if (!bars.isArray() && !bars.isMissingNode() && !bars.isNull()) {
                throw new BadMarketDataException(reply.target() + " sent 'bars' that is not a list");
            }
            for (JsonNode bar : bars) {
                newestFirst.add(barOf(bar, reply.target()));
            }
            pageToken = body.path("next_page_token").isTextual() ? body.get("next_page_token").asText() : null;
            if (pageToken == null || pageToken.isBlank()) {
                break;
            }
        }
        List<Bar> bars = new ArrayList<>(newestFirst);
        Collections.reverse(bars);
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).t().isAfter(bars.get(i - 1).t())) {
                throw new BadMarketDataException("agent " + agent.agentId() + ": bars for " + agent.symbol()
                        + " are out of order at " + bars.get(i).t() + " (after " + bars.get(i - 1).t() + ")");
            }
        }
        return bars;
    }

    private static Bar barOf(JsonNode bar, String target) {
        double o = positive(Json.number(bar, "o", target), "bar open", target);
        double h = positive(Json.number(bar, "h", target), "bar high", target);
        double l = positive(Json.number(bar, "l", target), "bar low", target);
        double c = positive(Json.number(bar, "c", target), "bar close", target);
        double v = Json.number(bar, "v", target);
        if (v < 0) {
            throw new BadMarketDataException(target + " sent bar volume " + v + "; volume cannot be negative");
        }
        return new Bar(time(bar, target), o, h, l, c, v);
    }

    private HttpReply get(String url) {
        HttpReply reply = alpaca.get(url);
        if (!reply.ok()) {
            throw new BadMarketDataException(reply.target() + " answered HTTP " + reply.status() + ": "
                    + (reply.body() == null ? "" : HttpReply.abbreviate(reply.body())));
        }
        return reply;
    }

    private static double positive(double value, String what, String target) {
        if (!(value > 0)) {
            throw new BadMarketDataException(target + " sent " + what + " " + value + "; a price must be positive");
        }
        return value;
    }

    private static Instant time(JsonNode node, String target) {
        String text = Json.text(node, "t", target);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadMarketDataException(target + " sent time '" + text + "', not an RFC 3339 timestamp");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
