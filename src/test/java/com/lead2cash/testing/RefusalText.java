package com.lead2cash.testing;

import com.lead2cash.platform.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A refusal as its reader sees it: the application's bundles render the exception's key and arguments, so a
 * domain test can check the words without starting the application.
 */
public final class RefusalText {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        // the bundles the application registers (spring.messages.basename), so every module's labels resolve
        try (InputStream yml = RefusalText.class.getResourceAsStream("/application.yml")) {
            String line = new String(yml.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
            MESSAGES.setBasenames(Arrays.stream(line.strip().substring("basename:".length()).split(","))
                    .map(String::strip).toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private RefusalText() {
    }

    public static String of(DomainException refusal, Locale locale) {
        return MESSAGES.getMessage(refusal.messageKey(), refusal.args(), locale);
    }
}
