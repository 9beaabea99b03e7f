package io.ztrade.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** POSTs {@code {"text": "*subject*\n..."}}, the JSON a Slack incoming webhook (and many others) accept. */
@Component
@ConditionalOnExpression("'${ztrade.alerts.webhook.url:}' != ''")
class WebhookAlertChannel implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertChannel.class);

    private final AlertProperties.Webhook webhook;
    private final ObjectMapper mapper;
    private final HttpClient http;

    WebhookAlertChannel(AlertProperties properties, ObjectMapper mapper) {
        this.webhook = properties.webhook();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(webhook.timeout()).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Alert alert) {
        try {
            String json = mapper.writeValueAsString(Map.of("text", "*" + alert.subject() + "*\n" + alert.text()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(webhook.timeout())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.error("Alert webhook answered HTTP {} to '{}' (the URL is not logged)", response.statusCode(), alert.subject());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Alert webhook failed for '{}': {} (the URL is not logged)", alert.subject(), e.getClass().getSimpleName());
        }
    }
}
