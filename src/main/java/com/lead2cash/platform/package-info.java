/**
 * Platform — the shared kernel every business module stands on: people and the org tree, roles and
 * data scope, security, audit trail, errors, paging, the web shell and i18n.
 *
 * <p>Only the types in this package are public; everything under {@code internal} is private to
 * the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {})
package com.lead2cash.platform;
