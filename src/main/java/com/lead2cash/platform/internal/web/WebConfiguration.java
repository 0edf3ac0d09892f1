package com.lead2cash.platform.internal.web;

import java.time.Duration;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.lead2cash.platform.web.PageLanguage;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: the browser's (zh-CN or English; zh-CN when it asks for neither or sends none) until the user picks one
 * with {@code ?lang=}, kept in a cookie. A page whose record names its reader's language ({@link PageLanguage}: a
 * contact's link) is in that one instead of the browser's, unless the reader picked one.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /** The cookie a language picked with {@code ?lang=} is kept in, for a year. */
    static final String COOKIE = "L2C_LANG";

    /**
     * The language pages are written in: the one picked with {@code ?lang=} (kept in the cookie), else the browser's
     * first of Chinese or English, else — another language asked, or none (no {@code Accept-Language}: never the
     * server's own default) — zh-CN. Whatever the cookie holds, the page's language is one it is written in, so
     * {@code <html lang>} names the language of its text.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Locale resolved = super.resolveLocale(request);
                return written(named(request).orElse(resolved));
            }

            @Override
            public LocaleContext resolveLocaleContext(HttpServletRequest request) {
                // read when asked, as the cookie's context is: a ?lang= this request picked (LocaleChangeInterceptor,
                // after the context was built) is the request's language for every message, not the header's
                LocaleContext context = super.resolveLocaleContext(request);
                return new TimeZoneAwareLocaleContext() {
                    @Override
                    public Locale getLocale() {
                        Locale resolved = context.getLocale();
                        return written(named(request).orElse(resolved));
                    }

                    @Override
                    public TimeZone getTimeZone() {
                        return context instanceof TimeZoneAwareLocaleContext aware ? aware.getTimeZone() : null;
                    }
                };
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
                // the servlet container answers its own default locale then, which says nothing of the reader
                return Locale.SIMPLIFIED_CHINESE;
            }
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
     * The language the page's record names for its reader ({@link PageLanguage}), when the reader picked none: no
     * {@code ?lang=} on this request, no cookie of an earlier pick. It outranks only the browser's header.
     */
    static java.util.Optional<Locale> named(HttpServletRequest request) {
        java.util.Optional<Locale> named = PageLanguage.named(request);
        if (named.isEmpty()) {
            // asked first: reading a parameter would make the container read an upload's parts here, before the
            // product's own multipart handling could refuse one too large
            return named;
        }
        String picked = request.getParameter("lang");
        if (picked != null && !picked.isBlank() || org.springframework.web.util.WebUtils.getCookie(request, COOKIE) != null) {
            return java.util.Optional.empty();
        }
        return named;
    }

    /** The language pages are written in for a resolved locale: English or Chinese, zh-CN for anything else. */
    static Locale written(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * A language one may pick with {@code ?lang=}: English in any form, Simplified Chinese ({@code zh},
     * {@code zh-CN}, {@code zh-Hans}); empty for any other, which is not one the pages are written in.
     */
    static java.util.Optional<Locale> pickable(Locale locale) {
        if (locale == null) {
            return java.util.Optional.empty();
        }
        if (locale.getLanguage().equals("en")) {
            return java.util.Optional.of(Locale.ENGLISH);
        }
        boolean simplified = locale.getScript().isEmpty() ? locale.getCountry().isEmpty()
                || locale.getCountry().equals("CN") || locale.getCountry().equals("SG") : locale.getScript().equals("Hans");
        return locale.getLanguage().equals("zh") && simplified ? java.util.Optional.of(Locale.SIMPLIFIED_CHINESE)
                : java.util.Optional.empty();
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

    /**
     * The upload reader is a filter of the security chains (SecurityConfiguration places it), where it knows who is
     * signed in; not also the container's, which ran it before the chains, on every anonymous upload too.
     */
    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilterRegistration(UploadLimitFilter uploads) {
        FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(uploads);
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // only a language the pages are written in is kept: another is ignored (no cookie), as an unreadable one
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                return pickable(super.parseLocaleValue(localeValue)).orElseThrow(() ->
                        new IllegalArgumentException("not a language the pages are written in: " + localeValue));
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
