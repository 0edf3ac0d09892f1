package com.lead2cash.bench;

import com.lead2cash.Lead2CashApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product itself, started in the benchmark's JVM against the benchmark database exactly as it is
 * started against an external PostgreSQL in production — only its background routines are held back
 * (the deadline sweep is measured on its own; the weekly lead jobs would reshuffle the data).
 */
public final class BenchApp implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "Bench-Admin-2026";

    private final ConfigurableApplicationContext context;

    private BenchApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static BenchApp start(BenchDatabase db, int port) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", db.url());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("server.port", port);
        p.put("l2c.demo", "false");
        p.put("L2C_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // no background task runs (the deadline sweep is measured on its own, the weekly lead jobs are not)
        p.put("l2c.scheduler.enabled", "false");
        p.put("logging.level.root", "warn");
        // the test classpath's API-contract check belongs to MockMvc tests, not to the product measured here
        p.put("l2c.test.api-contract.enabled", "false");
        p.put("spring.main.banner-mode", "off");
        // as command-line arguments: they win over application.yml, as an operator's settings do
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new BenchApp(new SpringApplicationBuilder(Lead2CashApplication.class).run(args));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        context.close();
    }
}
