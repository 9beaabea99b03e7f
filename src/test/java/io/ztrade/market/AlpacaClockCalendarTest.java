package io.ztrade.market;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ztrade.provider.AlpacaProperties;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttpFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlpacaClockCalendarTest {

    @RegisterExtension
    static final WireMockExtension ALPACA = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    @RegisterExtension
    static final ProviderHttpFixture fixture = new ProviderHttpFixture();
    /** A Wednesday, 10:00 New York: the rules say open. */
    static final Instant IN_SESSION = Instant.parse("2025-11-26T15:00:00Z");

    private static AlpacaClockCalendar calendar(Instant now) {
        AlpacaProperties alpaca = new AlpacaProperties("AK", "SK", ALPACA.baseUrl(), ALPACA.baseUrl());
        ProviderEndpoints endpoints = ProviderHttpFixture.endpoints(alpaca, null, null, null);
        return new AlpacaClockCalendar(new NyseCalendar(), fixture.alpaca(alpaca), endpoints, new ObjectMapper(),
                Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void clock(boolean open) {
        ALPACA.stubFor(get(urlEqualTo("/v2/clock")).willReturn(aResponse().withStatus(200).withBody("""
                {"timestamp": "2025-11-26T10:00:00.000-05:00", "is_open": %s,
                 "next_open": "2025-11-28T09:30:00-05:00", "next_close": "2025-11-26T16:00:00-05:00"}""".formatted(open))));
    }

    @Test
    void alpacasClockWinsOverTheRulesWhenTheyDisagree() {
        clock(false);
        MarketCalendar.MarketStatus status = calendar(IN_SESSION).statusAt(AssetClass.US_EQUITY, IN_SESSION);
        assertThat(status.open()).isFalse();
        assertThat(status.reason()).contains("alpaca /v2/clock");
    }

    @Test
    void oneClockAnswerServesManyRunsWithinItsTimeToLive() {
        clock(true);
        AlpacaClockCalendar calendar = calendar(IN_SESSION);
        for (int i = 0; i < 5; i++) {
            assertThat(calendar.statusAt(AssetClass.US_EQUITY, IN_SESSION).open()).isTrue();
        }
        ALPACA.verify(1, getRequestedFor(urlEqualTo("/v2/clock")));
    }

    @Test
    void aBrokenClockFallsBackToTheRules() {
        ALPACA.stubFor(get(urlEqualTo("/v2/clock")).willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));
        assertThat(calendar(IN_SESSION).statusAt(AssetClass.US_EQUITY, IN_SESSION).open()).isTrue();
    }

    @Test
    void aPastInstantAndCryptoUseTheRulesWithoutCallingAlpaca() {
        AlpacaClockCalendar calendar = calendar(IN_SESSION);
        assertThat(calendar.statusAt(AssetClass.US_EQUITY, Instant.parse("2025-11-27T15:00:00Z")).open()).isFalse();
        assertThat(calendar.statusAt(AssetClass.CRYPTO, IN_SESSION).open()).isTrue();
        ALPACA.verify(0, getRequestedFor(urlEqualTo("/v2/clock")));
    }
}
