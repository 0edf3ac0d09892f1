package com.lead2cash.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application behind real Tomcat on a random port (for what MockMvc cannot send or does not limit:
 * undecodable addresses, oversized headers), with MockMvc beside it for set-up; no demo data, no background jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate",
                "l2c.scheduler.enabled=false"})
@AutoConfigureMockMvc
public @interface RealServerTest {
}
