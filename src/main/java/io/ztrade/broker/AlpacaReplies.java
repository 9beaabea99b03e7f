package io.ztrade.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.ProviderDataException;

/** How Alpaca's trading API says what went wrong: a non-2xx answer is an error naming its status and message. */
final class AlpacaReplies {

    private AlpacaReplies() {
    }

    static void requireOk(HttpReply reply, ObjectMapper mapper) {
        if (!reply.ok()) {
            throw new ProviderDataException(reply.target() + " answered HTTP " + reply.status() + ": " + messageOf(reply, mapper));
        }
    }

    /** Alpaca's {@code message}, else the body, abbreviated. */
    static String messageOf(HttpReply reply, ObjectMapper mapper) {
        try {
            JsonNode json = mapper.readTree(reply.body());
            if (json != null && json.hasNonNull("message")) {
                return json.get("message").asText();
            }
        } catch (Exception notJson) {
            // fall through to the raw body
        }
        return reply.body() == null ? "" : HttpReply.abbreviate(reply.body());
    }
}
