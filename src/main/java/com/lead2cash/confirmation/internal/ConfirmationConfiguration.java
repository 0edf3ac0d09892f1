package com.lead2cash.confirmation.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfirmationProperties.class)
public class ConfirmationConfiguration {
}
