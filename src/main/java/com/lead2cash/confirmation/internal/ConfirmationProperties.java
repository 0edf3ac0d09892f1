package com.lead2cash.confirmation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operating settings of customer confirmations (not SOP rules: the SOP times our people, not the
 * customer's reply).
 *
 * @param linkValidity      how long a link works when the owning module names no expiry of its own
 *                          (docs/decisions/0011-customer-confirmations.md says why 14 days)
 * @param baseUrl           public address of the application for the links in e-mails and QR codes;
 *                          empty: no link is e-mailed (its host would come from the request's Host
 *                          header), and the link shown to the rep takes the address the rep uses
 * @param requestsPerMinute requests to the public page one client address may make per minute
 */
@ConfigurationProperties("l2c.confirmation")
public record ConfirmationProperties(
        @DefaultValue("14d") Duration linkValidity,
        @DefaultValue("") String baseUrl,
        @DefaultValue("30") int requestsPerMinute) {
}
