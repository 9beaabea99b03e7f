package io.ztrade;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ztrade: trading agents as Camel routes made from one YAML template in {@code routes/}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZtradeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "backtest".equals(args[0])) {
            io.ztrade.backtest.BacktestCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(ZtradeApplication.class, args);
    }
}
