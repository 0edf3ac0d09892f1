package com.lead2cash.notification.internal.delivery;

import com.lead2cash.notification.internal.NotificationProperties;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.notification.internal.domain.RobotWebhookHosts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a text message to a DingTalk (钉钉) or WeCom (企业微信) group robot webhook. DingTalk robots
 * with 加签 security get the documented signature: {@code timestamp} and
 * {@code sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))} as query
 * parameters. Both answer HTTP 200 with {@code errcode} 0 on success; anything else is a failure.
 * Only addresses the configured hosts allow are posted to (a robot saved before the rule is refused).
 */
@Component
public class RobotWebhooks {

    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final RobotWebhookHosts hosts;

    /**
     * The robot did not take the message. The message (for the delivery's log) may quote the robot's
     * {@code errmsg}; what a screen shows is the HTTP status alone, never what the remote answered.
     */
    public static class Failure extends RuntimeException {
        private final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The robot's address could not be reached (no connection, a timeout, a TLS failure): no answer to show. */
    public static class Unreachable extends RuntimeException {

        Unreachable(String message) {
            super(message);
        }
    }

    RobotWebhooks(NotificationProperties properties, JsonMapper json, Clock clock) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        this.json = json;
        this.clock = clock;
        this.hosts = properties.robotWebhookHosts();
    }

    public void post(NotificationRobot robot, String text) {
        String url = robot.webhookUrl();
        if (!hosts.allows(robot.channel(), url)) {
            throw new DeliveryRefused(RobotFailures.ADDRESS_NOT_ALLOWED);
        }
        if (robot.channel() == Channel.DINGTALK && robot.secret() != null && !robot.secret().isEmpty()) {
            long timestamp = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(dingTalkSign(robot.secret(), timestamp), StandardCharsets.UTF_8);
        }
        String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text)));
        // a URI object is sent as it is: the signature is already encoded and must not be encoded twice
        String answer;
        try {
            answer = http.post().uri(URI.create(url)).contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(String.class);
        } catch (RestClientResponseException e) {
            // the exception's message quotes the answer's body: keep only the status
            throw new Failure(e.getStatusCode().value(), RobotFailures.HTTP + e.getStatusCode().value());
        } catch (ResourceAccessException e) {
            // "I/O error on POST request for <address>: <cause's message>", which is often null (a refused connection):
            // the cause's kind says what went wrong, and the address (its token) is not repeated
            throw new Unreachable(RobotFailures.UNREACHABLE + ": " + RobotFailures.describe(e.getCause()));
        }
        JsonNode reply;
        try {
            reply = answer == null || answer.isBlank() ? null : json.readTree(answer);
        } catch (JacksonException e) {
            throw new Failure(200, RobotFailures.NO_JSON);
        }
        JsonNode code = reply == null ? null : reply.get("errcode");
        if (code == null || !code.isNumber() || code.intValue() != 0) {
            JsonNode message = reply == null ? null : reply.get("errmsg");
            throw new Failure(200, RobotFailures.ERRCODE + code + " "
                    + (message == null || !message.isString() ? "" : message.asString()));
        }
    }

    /** An error text without the credentials a webhook address carries (access token, key, signature). */
    public static String redact(String text) {
        return text == null ? null : text.replaceAll("(?i)(access_token|key|sign)=[^&\\s\"]*", "$1=••••");
    }

    /** Base64 of HmacSHA256 over {@code timestamp + "\n" + secret}, keyed with the secret (not yet URL-encoded). */
    public static String dingTalkSign(String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
