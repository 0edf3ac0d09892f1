package com.lead2cash.notification.internal;

import com.lead2cash.notification.internal.domain.RobotWebhookHosts;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operating settings of the notification module (not SOP rules): how often the delivery worker
 * polls, how a failing channel backs off, when the daily digest goes out, and the outgoing HTTP and
 * mail settings.
 *
 * @param pollInterval    how often each node looks for due deliveries
 * @param batchSize       deliveries one claim takes
 * @param maxAttempts     attempts before a delivery is given up as FAILED
 * @param backoffBase     delay after the first failure; it doubles with every further failure
 * @param digestTime      local time (in {@code l2c.zone}) of the daily digest
 * @param mailFrom        sender address of notification e-mails
 * @param baseUrl         public address of the application, to turn in-app links into absolute ones
 *                        in e-mails and robot messages; empty leaves them app-relative
 * @param connectTimeout  robot webhook connect timeout
 * @param readTimeout     robot webhook read timeout
 * @param robotHosts      hosts a group robot's webhook may name (DingTalk's and WeCom's robot hosts)
 * @param robotPlainHttp  whether a webhook may use plain http (only for tests against a local server)
 */
@ConfigurationProperties("l2c.notification")
public record NotificationProperties(
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration backoffBase,
        @DefaultValue("08:30") LocalTime digestTime,
        @DefaultValue("Lead2Cash <noreply@lead2cash.local>") String mailFrom,
        @DefaultValue("") String baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue({"oapi.dingtalk.com", "qyapi.weixin.qq.com"}) List<String> robotHosts,
        @DefaultValue("false") boolean robotPlainHttp) {

    public RobotWebhookHosts robotWebhookHosts() {
        return RobotWebhookHosts.of(robotHosts, robotPlainHttp);
    }

    /** The link as a reader outside the application can follow it. */
    public String absolute(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            return link;
        }
        return baseUrl.replaceAll("/+$", "") + link;
    }
}
