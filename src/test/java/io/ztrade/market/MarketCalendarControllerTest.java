package io.ztrade.market;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class MarketCalendarControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new MarketCalendarController(new NyseCalendar()))
            .setControllerAdvice(new io.ztrade.management.ApiErrors(new io.ztrade.provider.SecretMasker(new org.springframework.mock.env.MockEnvironment())))
            .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                    .featuresToDisable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
            .build();

    @Test
    void listsNyseDaysWithHolidaysAndEarlyClosesInNewYorkTime() throws Exception {
        mvc.perform(get("/api/market/calendar").param("market", "NYSE").param("from", "2025-11-26").param("to", "2025-11-29"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[0].date").value("2025-11-26"))
                .andExpect(jsonPath("$[0].open").value(true))
                .andExpect(jsonPath("$[0].openTime").value("09:30"))
                .andExpect(jsonPath("$[0].closeTime").value("16:00"))
                .andExpect(jsonPath("$[0].note").value(nullValue()))
                .andExpect(jsonPath("$[1].open").value(false))
                .andExpect(jsonPath("$[1].openTime").value(nullValue()))
                .andExpect(jsonPath("$[1].note").value(containsString("Thanksgiving")))
                .andExpect(jsonPath("$[2].closeTime").value("13:00"))
                .andExpect(jsonPath("$[2].note").value("early close after Thanksgiving"))
                .andExpect(jsonPath("$[3].note").value("weekend"));
    }

    @Test
    void cryptoTradesEveryDayAroundTheClock() throws Exception {
        mvc.perform(get("/api/market/calendar").param("market", "crypto").param("from", "2025-12-25").param("to", "2025-12-25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].open").value(true))
                .andExpect(jsonPath("$[0].openTime").value("00:00"))
                .andExpect(jsonPath("$[0].closeTime").value("24:00"));
    }

    @Test
    void rejectsBadInputWithAClearMessage() throws Exception {
        mvc.perform(get("/api/market/calendar").param("market", "LSE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("use NYSE or CRYPTO")));
        mvc.perform(get("/api/market/calendar").param("from", "25/12/2025"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("YYYY-MM-DD")));
        mvc.perform(get("/api/market/calendar").param("from", "2025-12-10").param("to", "2025-12-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("before")));
        mvc.perform(get("/api/market/calendar").param("from", "2025-01-01").param("to", "2026-12-31"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("at most 366 days")));
    }
}
