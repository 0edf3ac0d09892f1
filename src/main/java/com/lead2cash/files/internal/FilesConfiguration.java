package com.lead2cash.files.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The database store is always there (it also reads files kept before a switch); the S3 store whenever
 * an endpoint is configured, so files kept in S3 stay readable after switching back to the database.
 */
@Configuration
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(S3Configured.class)
    S3Blobs s3Blobs(FilesProperties properties) {
        return new S3Blobs(properties.s3());
    }

    static class S3Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("l2c.files.s3.endpoint"));
        }
    }
}
