package io.ztrade.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Reading provider JSON strictly: Alpaca writes money as strings, and a missing or NaN field is bad data. */
public final class Json {

    private Json() {
    }

    public static JsonNode required(JsonNode node, String field, String target) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new ProviderDataException(target + " answered without '" + field + "'");
        }
        return value;
    }

    public static String text(JsonNode node, String field, String target) {
        return required(node, field, target).asText();
    }

    public static BigDecimal decimal(JsonNode node, String field, String target) {
        JsonNode value = required(node, field, target);
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new ProviderDataException(target + " sent '" + field + "' = '" + value.asText() + "', not a number");
        }
    }

    /** A finite number, given as a JSON number or a numeric string. */
    public static double number(JsonNode node, String field, String target) {
        JsonNode value = required(node, field, target);
        double parsed;
        if (value.isNumber()) {
            parsed = value.asDouble();
        } else {
            try {
                parsed = Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                throw new ProviderDataException(target + " sent '" + field + "' = '" + value.asText() + "', not a number");
            }
        }
        if (!Double.isFinite(parsed)) {
            throw new ProviderDataException(target + " sent '" + field + "' = " + value.asText() + ", not a finite number");
        }
        return parsed;
    }

    public static BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
