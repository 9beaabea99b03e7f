package io.ztrade.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.SecretMasker;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * Bad input to {@code /api/reconcile} is a 400 naming what is wrong, with the API's error body, as everywhere else in
 * the API: the API's error advice ({@code io.ztrade.management.ApiErrors}) covers this controller too.
 */
class ReconcileApiErrorsTest {

    @EnableWebMvc
    static class Mvc {
        @Bean
        SecretMasker secretMasker() {
            return new SecretMasker(new MockEnvironment());
        }

        /** The limit is checked before anything is read: no reconciler, issues table, audit or holds are needed. */
        @Bean
        ReconcileOperations reconcileOperations() {
            return new ReconcileOperations(null, null, null, null);
        }

        /** Read only by GET /api/reconcile/positions, which this test does not call. */
        @Bean
        PositionCheck positionCheck() {
            return new PositionCheck(null, null, null, null, null, null, null);
        }
    }

    @Test
    void aLimitOutOfRangeIsA400NamingIt() throws Exception {
        AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(Mvc.class, ReconcileController.class, Class.forName("io.ztrade.management.ApiErrors"));
        context.refresh();
        try {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            MockHttpServletResponse response = mvc.perform(get("/api/reconcile/issues").param("all", "true")
                    .param("limit", "0")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode body = new ObjectMapper().readTree(response.getContentAsString());
            assertThat(body.get("message").asText()).isEqualTo("limit must be between 1 and 1000, got 0");
            assertThat(body.get("status").asInt()).isEqualTo(400);
        } finally {
            context.close();
        }
    }
}
