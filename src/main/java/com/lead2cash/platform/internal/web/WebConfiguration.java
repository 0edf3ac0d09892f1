package com.lead2cash.platform.internal.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language: the browser's (zh-CN or English) until the user picks one with {@code ?lang=}, kept in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("L2C_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            for (var it = request.getLocales().asIterator(); it.hasNext(); ) {
                Locale wanted = it.next();
                if (wanted.getLanguage().equals("zh")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                if (wanted.getLanguage().equals("en")) {
                    return Locale.ENGLISH;
                }
            }
            return Locale.SIMPLIFIED_CHINESE;
        });
        return resolver;
    }

    /**
     * No rewriting of the links pages write. The rewriting (Boot adds it with the webjars locator) tries
     * every link — /leads/…, /account — as a static resource in the jars, and caches only the ones it
     * finds, so each page paid a classpath search per link; the version-less /webjars/… paths the
     * layout uses are served as they are.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
