package io.ztrade.provider;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Alpaca's auth headers, when keys are set (the simulator needs none). */
@Component
public class AlpacaHeaders {

    private final AlpacaProperties properties;

    public AlpacaHeaders(AlpacaProperties properties) {
        this.properties = properties;
    }

    public Map<String, String> get() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (properties.hasKeys()) {
            headers.put("APCA-API-KEY-ID", properties.apiKey());
            headers.put("APCA-API-SECRET-KEY", properties.secretKey());
        }
        return headers;
    }
}
