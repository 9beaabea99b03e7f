package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.SecretMasker;
import jakarta.servlet.RequestDispatcher;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/** An error body tells the user what went wrong when it was deliberate, and nothing of the JVM's internals when not. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorBodiesTest {

    @RestController
    static class Failing {
        @GetMapping("/api/fail/{kind}")
        String fail(@PathVariable String kind) throws Exception {
            switch (kind) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "npe" -> throw new NullPointerException("Cannot invoke \"io.ztrade.agent.AgentSettings.symbol()\"");
                case "sql" -> throw new DataAccessResourceFailureException("connection refused",
                        new SQLException("FATAL: password authentication failed for user \"ztrade\" at db.internal:5432"));
                case "checked" -> throw new java.io.IOException("/opt/ztrade/data/bars/x.csv: Permission denied");
                case "bad" -> throw new IllegalArgumentException("symbol must be 1 to 15 characters, got ''");
                case "status" -> throw new ResponseStatusException(HttpStatus.CONFLICT, "agent test_stock is paused; resume it first");
                default -> throw new IllegalStateException("kill switch engaged: no runs");
            }
        }
    }

    /** Red team: a JSON body of the wrong shape, as POST /api/backtests takes one. */
    record Spec(String agent, java.util.List<Object> values) {
    }

    @RestController
    static class TakesJson {
        @org.springframework.web.bind.annotation.PostMapping("/api/json")
        String take(@org.springframework.web.bind.annotation.RequestBody Spec spec) {
            return "ok";
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing(), new TakesJson())
            .setControllerAdvice(new ApiErrors(new SecretMasker(new MockEnvironment()))).build();

    @Test
    void unexpectedErrorsGetAGenericMessageWithAnIdThatTheLogHas(CapturedOutput output) throws Exception {
        for (String kind : new String[] {"oom", "npe", "sql", "checked"}) {
            MockHttpServletResponse response = mvc.perform(get("/api/fail/" + kind)).andReturn().getResponse();
            assertThat(response.getStatus()).as(kind).isEqualTo(500);
            JsonNode body = mapper.readTree(response.getContentAsString());
            String message = body.get("message").asText();
            assertThat(message).as(kind).startsWith("unexpected error").doesNotContain("heap", "Cannot invoke", "password",
                    "db.internal", "Permission", "/opt/ztrade", "java.", "Exception");
            String id = message.replaceAll(".*id ([0-9a-f]+).*", "$1");
            assertThat(id).as(kind).matches("[0-9a-f]{12}");
            assertThat(output).as("the log has the details under the id").contains(id);
        }
        assertThat(output).contains("Java heap space");
    }

    /**
     * Red team: {@code POST /api/backtests} with {@code [1,2]} answered {@code JSON parse error: Cannot deserialize
     * value of type `io.ztrade.backtest.BacktestSpec` from Array value (token `JsonToken.START_ARRAY`)}: Java class
     * names and Jackson's tokens, not a message for the user.
     */
    @Test
    void aJsonBodyOfTheWrongShapeNamesNoJavaTypes() throws Exception {
        for (String body : new String[] {"[1,2]", "{\"agent\":[1]}", "{\"values\":\"x\"}"}) {
            MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .post("/api/json").contentType("application/json").content(body)).andReturn().getResponse();
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            String message = mapper.readTree(response.getContentAsString()).get("message").asText();
            assertThat(message).as(body).isNotBlank().doesNotContain("java.", "io.ztrade", "JsonToken", "ErrorBodiesTest",
                    "deserialize");
        }
    }

    @Test
    void deliberateErrorsKeepTheirClearMessage() throws Exception {
        assertThat(message("bad", 400)).isEqualTo("symbol must be 1 to 15 characters, got ''");
        assertThat(message("state", 503)).isEqualTo("kill switch engaged: no runs");
    }

    @Test
    void responseStatusExceptionsKeepTheirStatusAndReason() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/fail/status")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void theErrorPageHidesInternalsButKeepsDeliberateReasons(CapturedOutput output) {
        UserFacingErrorAttributes attributes = new UserFacingErrorAttributes(new SecretMasker(new MockEnvironment()));
        ErrorAttributeOptions withMessage = ErrorAttributeOptions.of(ErrorAttributeOptions.Include.MESSAGE);

        MockHttpServletRequest oom = new MockHttpServletRequest("GET", "/simulator/alpaca/v2/account");
        oom.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new OutOfMemoryError("Java heap space"));
        oom.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        Map<String, Object> body = attributes.getErrorAttributes(new ServletWebRequest(oom), withMessage);
        assertThat(String.valueOf(body.get("message"))).startsWith("unexpected error").doesNotContain("heap");
        assertThat(body).doesNotContainKeys("exception", "trace");
        assertThat(output).contains("Java heap space");

        MockHttpServletRequest denied = new MockHttpServletRequest("GET", "/api/backtests/x");
        denied.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new ResponseStatusException(HttpStatus.NOT_FOUND, "no backtest x"));
        denied.setAttribute(RequestDispatcher.ERROR_MESSAGE, "no backtest x");
        denied.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        assertThat(attributes.getErrorAttributes(new ServletWebRequest(denied), withMessage).get("message")).isEqualTo("no backtest x");

        MockHttpServletRequest noHandler = new MockHttpServletRequest("GET", "/nope");
        noHandler.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 401);
        noHandler.setAttribute(RequestDispatcher.ERROR_MESSAGE, "Unauthorized");
        assertThat(attributes.getErrorAttributes(new ServletWebRequest(noHandler), withMessage).get("message")).isEqualTo("Unauthorized");
    }

    private String message(String kind, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/fail/" + kind)).andReturn().getResponse();
        assertThat(response.getStatus()).as(kind).isEqualTo(status);
        return mapper.readTree(response.getContentAsString()).get("message").asText();
    }
}
