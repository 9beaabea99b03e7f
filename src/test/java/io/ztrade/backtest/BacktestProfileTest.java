package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * bin/backtest boots the app on the backtest profile, which serves no web server and so no simulator: nothing in it
 * may read the live broker (reconciliation, equity snapshots), or the user's backtest prints "broker unreachable".
 */
class BacktestProfileTest {

    @Test
    void theBacktestProfileReadsNoBroker() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-backtest.yml"));
        Properties backtest = yaml.getObject();

        assertThat(backtest.getProperty("ztrade.reconcile.enabled")).isEqualTo("false");
        assertThat(backtest.getProperty("ztrade.portfolio.snapshot-every")).as("equity snapshots off").isEqualTo("0s");
    }
}
