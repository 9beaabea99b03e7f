package io.ztrade.desk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** PROVISIONAL, deleted by the durable desk state of issue #12 item 3: logs a hold and keeps nothing. */
@Component
class ProvisionalTradingHolds implements TradingHolds {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionalTradingHolds.class);

    @Override
    public void hold(String scope, TradingMode mode, String reason, String source) {
        LOG.warn("{} {} by {}: {}", scope, mode, source, reason);
    }
}
