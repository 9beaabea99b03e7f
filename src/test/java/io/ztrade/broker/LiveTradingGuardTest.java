package io.ztrade.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.provider.AlpacaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@ExtendWith(OutputCaptureExtension.class)
class LiveTradingGuardTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AlpacaProperties.class, BrokerProperties.class})
    @Import(LiveTradingGuard.class)
    static class GuardOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(GuardOnly.class)
            .withPropertyValues("ztrade.alpaca.api-key=AKTEST", "ztrade.alpaca.secret-key=SECRET123");

    @Test
    void refusesToStartOnALiveUrlWithoutAllowLive() {
        runner.withPropertyValues("ztrade.alpaca.base-url=https://api.alpaca.markets").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("ztrade.broker.allow-live is false")
                    .hasMessageContaining("paper-api.alpaca.markets")
                    .hasMessageNotContaining("SECRET123");
        });
    }

    @Test
    void startsOnALiveUrlWhenAllowLiveIsSet() {
        runner.withPropertyValues("ztrade.alpaca.base-url=https://api.alpaca.markets/", "ztrade.broker.allow-live=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void startsOnPaperWithoutAllowLive() {
        runner.withPropertyValues("ztrade.alpaca.base-url=https://paper-api.alpaca.markets")
                .run(context -> assertThat(context).hasNotFailed());
    }

    /** Only known paper, simulator and loopback hosts count as paper; any other form is live until proven not. */
    @ParameterizedTest
    @ValueSource(strings = {"https://api.alpaca.markets", "https://api.alpaca.markets.", "https://api.alpaca.markets./v2",
            "https://API.Alpaca.Markets", "https://api.alpaca.markets:443", "https://34.120.177.193", "https://[2600:1f18::1]",
            "https://alpaca-live.example.com", "https://broker.internal", "https://paper-api.alpaca.markets@api.alpaca.markets",
            "https://paper-api.alpaca.markets@evil.example", "https://user:pw@paper-api.alpaca.markets",
            "https://paper-api.alpaca.markets.", "https://paper-api.alpaca.markets:8443", "https://paper-api.alpaca.markets:443",
            "https://paper-api.alpaca.markets.evil.example", "https://evil.example/paper-api.alpaca.markets",
            "https://evil.example?paper-api.alpaca.markets", "https://evil.example#paper-api.alpaca.markets",
            "ftp://paper-api.alpaca.markets", "paper-api.alpaca.markets", "//paper-api.alpaca.markets",
            "http://localhost.evil.example", "http://127.0.0.1.nip.io", "http://0x7f000001", "http://2130706433",
            "http://127.1", "http://0.0.0.0:8080", "http://[::ffff:7f00:1]", "http://256.0.0.1", "https://paper-api.alpaca.markets\\@evil",
            "not a url"})
    void everyFormThatIsNotAKnownPaperHostIsLive(String url, CapturedOutput output) {
        runner.withPropertyValues("ztrade.alpaca.base-url=" + url).run(context -> {
            assertThat(context).as(url).hasFailed();
            assertThat(context.getStartupFailure()).as(url).rootCause()
                    .hasMessageContaining("ztrade.broker.allow-live is false")
                    .hasMessageNotContaining("SECRET123");
        });
        runner.withPropertyValues("ztrade.alpaca.base-url=" + url, "ztrade.broker.allow-live=true")
                .run(context -> assertThat(context).as(url).hasNotFailed());
        assertThat(output).as(url).contains("LIVE TRADING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://paper-api.alpaca.markets", "https://paper-api.alpaca.markets/",
            "https://paper-api.alpaca.markets/v2", "https://Paper-API.Alpaca.Markets", "http://localhost:8089",
            "http://LOCALHOST:8089/alpaca", "http://127.0.0.1:8080/simulator/alpaca", "http://127.42.0.7:9000",
            "http://[::1]:9000", "http://[0:0:0:0:0:0:0:1]:9000", " https://paper-api.alpaca.markets "})
    void knownPaperSimulatorAndLoopbackHostsArePaper(String url, CapturedOutput output) {
        runner.withPropertyValues("ztrade.alpaca.base-url=" + url).run(context -> assertThat(context).as(url).hasNotFailed());
        assertThat(output).as(url).doesNotContain("LIVE TRADING");
    }

    @Test
    void noUrlIsPaperOrTheSimulator(CapturedOutput output) {
        runner.run(context -> assertThat(context).hasNotFailed());
        new ApplicationContextRunner().withUserConfiguration(GuardOnly.class).run(context -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("LIVE TRADING");
    }

    @Test
    void propertiesNeverPrintKeys() {
        AlpacaProperties alpaca = new AlpacaProperties("AKTEST", "SECRET123", null, null);
        assertThat(alpaca.toString()).doesNotContain("AKTEST").doesNotContain("SECRET123");
    }
}
