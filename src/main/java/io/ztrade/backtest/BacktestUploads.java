package io.ztrade.backtest;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Uploads (a backtest's CSV bars are the only ones) are as large as {@code ztrade.backtest.max-csv-size} allows,
 * plus room for the spec; the container refuses larger ones before they are read.
 */
@Configuration(proxyBeanMethods = false)
class BacktestUploads {

    @Bean
    MultipartConfigElement multipartConfigElement(BacktestProperties limits) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(limits.maxCsvSize());
        factory.setMaxRequestSize(DataSize.ofBytes(limits.maxCsvSize().toBytes() + DataSize.ofKilobytes(64).toBytes()));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
