package com.lead2cash.testing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * MockMvc requests come from a reader whose browser asks for English ({@code Accept-Language: en}) unless the test
 * sends its own header: the tests read the English messages. A request without the header is answered in zh-CN (the
 * product's language), which the locale resolver's own test checks.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EnglishReaderAutoConfiguration {

    @Bean
    MockMvcBuilderCustomizer englishReader() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }
}
