package io.ztrade.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.provider.AlpacaProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

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

    @Test
    void propertiesNeverPrintKeys() {
        AlpacaProperties alpaca = new AlpacaProperties("AKTEST", "SECRET123", null, null);
        assertThat(alpaca.toString()).doesNotContain("AKTEST").doesNotContain("SECRET123");
    }
}
