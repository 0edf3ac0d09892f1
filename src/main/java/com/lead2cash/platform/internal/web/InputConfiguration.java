package com.lead2cash.platform.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts the input rules in front of every controller: request parameters and JSON bodies alike. */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    InputConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestParameterGuard()).order(10);
    }

    /** Runs after Boot's own configuration (which sets Boot's JSON converter), so this converter is the one used. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new InputRulesJacksonModule.CheckingConverter(json));
    }
}
