package com.lead2cash.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The whole application on a fresh database of its own, with MockMvc; no demo data. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD,
        "l2c.lead.routines.enabled=false", "l2c.customer.routines.enabled=false", "l2c.receivable.routines.enabled=false",
        "l2c.notification.digest.enabled=false",
        "logging.level.com.lead2cash.platform.internal.identity.FirstStart=warn"})
@AutoConfigureMockMvc
public @interface IntegrationTest {
}
