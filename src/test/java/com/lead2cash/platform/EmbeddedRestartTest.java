package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.Lead2CashApplication;
import com.lead2cash.platform.internal.identity.IdentityService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default run: embedded PostgreSQL with its data under a directory that survives a restart. */
class EmbeddedRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Lead2CashApplication.class).run(
                "--server.port=0", "--l2c.embedded.data-dir=" + dataDir.resolve("postgres"),
                "--L2C_ADMIN_PASSWORD=Admin-Pass-2026", "--L2C_DEMO_PASSWORD=Demo-Pass-2026");
    }

    private static java.util.List<String> demoProducts(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("select name from catalog_product where code like 'DEMO-%'")
                .query(String.class).list();
    }

    @Test
    void theProductStartsOnADurableEmbeddedDatabaseRestartsAndKeepsItsData() {
        try (ConfigurableApplicationContext first = start()) {
            IdentityService identity = first.getBean(IdentityService.class);
            assertThat(identity.findByUsername("admin")).isPresent();
            assertThat(identity.findByUsername("east.rep1")).as("demo company seeded").isPresent();
            assertThat(identity.findByUsername("tech.support")).as("the O1 panel's technical seat can be filled")
                    .isPresent().get().extracting(u -> u.roleSet()).isEqualTo(Set.of(Role.TECH_SUPPORT));
            assertThat(demoProducts(first)).as("a quote can be written in the demo").hasSize(6)
                    .allMatch(name -> name.endsWith("（演示）"));
            identity.createUser(new IdentityService.UserForm("kept.user", "Kept", null, "Kept-pass-1",
                    identity.orgTree().get(0).id(), Set.of(Role.SALES_REP), LocalDate.of(2025, 1, 2)));
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            for (String durable : java.util.List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("show " + durable).query(String.class).single())
                        .as("%s: an acknowledged write is on disk", durable).isEqualTo("on");
            }
            IdentityService identity = second.getBean(IdentityService.class);
            assertThat(identity.findByUsername("kept.user")).isPresent()
                    .get().extracting(u -> u.hireDate()).isEqualTo(LocalDate.of(2025, 1, 2));
            Integer admins = second.getBean(JdbcClient.class)
                    .sql("select count(*) from platform_user where username = 'admin'").query(Integer.class).single();
            assertThat(admins).as("first start runs once").isEqualTo(1);
            assertThat(demoProducts(second)).as("the demo catalogue is seeded once").hasSize(6);
        }
    }
}
