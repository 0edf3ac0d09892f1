package com.lead2cash.platform.internal.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers on its own, before the application sees the request (an encoded NUL, backslash or slash
 * in the address, a character no address may hold, a header over the size limit): the product's answer, not
 * Tomcat's "HTTP Status 400 –" report. The host's error report valve — Boot's, and the one Tomcat would add — is
 * replaced by {@link ProductErrorReportValve}. Runs after Boot's own Tomcat customizer, which adds its valve.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;
    private final ObjectProvider<JsonMapper> json;

    ContainerErrorPages(MessageSource messages, ObjectProvider<LocaleResolver> locales, ObjectProvider<JsonMapper> json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> replaceErrorReportValve(context.getParent()));
    }

    private void replaceErrorReportValve(Container host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProductErrorReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProductErrorReportValve) {
                return;
            }
        }
        pipeline.addValve(new ProductErrorReportValve(messages, locales, json));
        if (host instanceof StandardHost standard) {
            // as it starts, the host adds a valve of this class unless it has one: ours is it
            standard.setErrorReportValveClass(ProductErrorReportValve.class.getName());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
