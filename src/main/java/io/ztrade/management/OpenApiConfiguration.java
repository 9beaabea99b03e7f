package io.ztrade.management;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The management API's OpenAPI document ({@code /v3/api-docs}) and page ({@code /swagger-ui/index.html}). */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI ztradeApi() {
        return new OpenAPI()
                .info(new Info().title("Ztrade management API").version("1")
                        .description("Agents, runs, run now, test, pause and resume (operator), kill switch (admin),"
                                + " audit log. Scripts send HTTP Basic credentials; see docs/operations.md."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
