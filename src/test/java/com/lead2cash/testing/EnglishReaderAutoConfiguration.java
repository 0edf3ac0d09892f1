package com.lead2cash.testing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * MockMvc requests come from a reader whose browser asks for English ({@code Accept-Language: en}) unless the test
 * sends its own header, or marks the request as sending none ({@link #NO_LANGUAGE}): the tests read the English
 * messages. A request without the header is answered in zh-CN (the product's language), or in the caller's
 * preference where the API keeps one.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EnglishReaderAutoConfiguration {

    /** A request attribute: the request sends no {@code Accept-Language} at all (a program that names none). */
    public static final String NO_LANGUAGE = "l2c.test.noLanguage";

    @Bean
    MockMvcBuilderCustomizer englishReader() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null && request.getAttribute(NO_LANGUAGE) == null) {
                request.addHeader(HttpHeaders.ACCEPT_LANGUAGE, "en");
            }
            return request;
        }));
    }
}
