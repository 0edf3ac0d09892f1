package com.lead2cash.testing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every test context with MockMvc checks each API exchange against the served API document
 * ({@link ApiContract}), so no API test can pass on a response the document does not describe.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "l2c.test.api-contract.enabled", havingValue = "true", matchIfMissing = true)
public class ApiContractAutoConfiguration {

    @Bean
    ApiContract apiContract(WebApplicationContext context) {
        return new ApiContract(() -> context);
    }

    @Bean
    MockMvcBuilderCustomizer apiContractCheck(ApiContract contract) {
        return builder -> builder.alwaysExpect(contract);
    }
}
