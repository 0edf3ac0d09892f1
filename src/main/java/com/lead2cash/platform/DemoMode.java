package com.lead2cash.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this installation seeds the clearly marked demo company: {@code l2c.demo} when set, else on
 * the embedded database only. Modules seeding their own demo records ask here.
 */
@Component
public class DemoMode {

    private final boolean enabled;

    DemoMode(@Value("${spring.datasource.url:}") String externalUrl, @Value("${l2c.demo:#{null}}") Boolean demo) {
        this.enabled = demo != null ? demo : externalUrl.isEmpty();
    }

    public boolean enabled() {
        return enabled;
    }
}
