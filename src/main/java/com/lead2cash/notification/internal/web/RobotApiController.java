package com.lead2cash.notification.internal.web;

import com.lead2cash.notification.internal.RobotAdmin;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The group robots over the API, as the administrators' robots page has them (SPEC §6: a screen's action has its API
 * call): list, connect, change or switch off, send a test message. Through the same {@link RobotAdmin} and its rules
 * (an https webhook on a robot host, kinds the application sends); the webhook's token and the secret are only ever
 * answered masked, as the page shows them.
 */
@RestController
@Tag(name = "Group robots")
@PreAuthorize("hasRole('ADMIN')")
class RobotApiController {

    @Schema(description = "A DingTalk or WeCom group robot to connect. kindPrefixes: the notification kinds it gets,"
            + " each a kind (deadline.breached) or a group or the leading parts of a kind (lead, lead., aftersales.complaint);"
            + " none: every urgent notification. A kind no notification has is refused (422)")
    record RobotRequest(@Schema(requiredMode = RequiredMode.REQUIRED) Channel channel,
                        @Schema(requiredMode = RequiredMode.REQUIRED) String name,
                        @Schema(requiredMode = RequiredMode.REQUIRED, description = "https, on the channel's robot host")
                        String webhookUrl,
                        @Schema(description = "DingTalk's signing secret (SEC…); never answered back") String secret,
                        List<String> kindPrefixes) {
        RobotAdmin.RobotForm form() {
            return new RobotAdmin.RobotForm(channel, name, webhookUrl, secret, false, joined(kindPrefixes));
        }
    }

    @Schema(description = "A field left out (or null) keeps its value: the name, the webhook (sent back masked, as"
            + " answered, it is kept too), the kinds ([] is every urgent notification), whether it is on; a secret left"
            + " out or empty keeps the stored one, clearSecret removes it. The channel does not change")
    record RobotUpdate(String name, String webhookUrl, String secret, Boolean clearSecret, List<String> kindPrefixes,
                       Boolean enabled, Long version) implements Versioned {
        RobotAdmin.RobotForm form() {
            return new RobotAdmin.RobotForm(null, name, webhookUrl, secret, Boolean.TRUE.equals(clearSecret),
                    kindPrefixes == null ? null : joined(kindPrefixes));
        }
    }

    record RobotView(@Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
                     @Schema(requiredMode = RequiredMode.REQUIRED) Channel channel,
                     @Schema(requiredMode = RequiredMode.REQUIRED) String name,
                     @Schema(requiredMode = RequiredMode.REQUIRED, description = "The webhook with its access token"
                             + " masked, as the robots page shows it") String maskedWebhook,
                     @Schema(description = "The secret's last characters masked; null when it has none") String maskedSecret,
                     @Schema(requiredMode = RequiredMode.REQUIRED, description = "None: every urgent notification")
                     List<String> kindPrefixes,
                     @Schema(requiredMode = RequiredMode.REQUIRED) boolean enabled,
                     @Schema(requiredMode = RequiredMode.REQUIRED, description = "How its deliveries went, and its latest"
                             + " test message when newer, in the reader's words as the robots page says it")
                     RobotAdmin.RobotHealth delivery,
                     @Schema(requiredMode = RequiredMode.REQUIRED) long version) {
        static RobotView of(RobotAdmin.RobotRow r, RobotAdmin.RobotHealth health) {
            return new RobotView(r.id(), r.channel(), r.name(), r.maskedWebhook(), r.maskedSecret(),
                    r.kindPrefixes().isEmpty() ? List.of() : List.of(r.kindPrefixes().split(",")), r.enabled(), health,
                    r.version() == null ? 0 : r.version());
        }
    }

    record RobotTestResult(@Schema(requiredMode = RequiredMode.REQUIRED) boolean taken,
                           @Schema(requiredMode = RequiredMode.REQUIRED, description = "How it went, as the robots page"
                                   + " says it (a refusal's status only, never the robot's answer)") String message,
                           @Schema(requiredMode = RequiredMode.REQUIRED) RobotView robot) {
    }

    private final RobotAdmin robots;
    private final MessageSource messages;

    RobotApiController(RobotAdmin robots, MessageSource messages) {
        this.robots = robots;
        this.messages = messages;
    }

    @Operation(summary = "The group robots by name, with their delivery health")
    @GetMapping("/api/v1/robots")
    List<RobotView> list() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<UUID, RobotAdmin.RobotHealth> health = robots.health(locale);
        RobotAdmin.RobotHealth none = robots.noDeliveries(locale);
        return robots.list().stream().map(r -> RobotView.of(r, health.getOrDefault(r.id(), none))).toList();
    }

    @Operation(summary = "Connect a group robot (administrators): https on its channel's robot host, kinds the"
            + " application sends; a name taken is 422")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "A DingTalk robot for deadlines and lead assignments", value = """
                    {"channel": "DINGTALK", "name": "华东销售群", "webhookUrl": "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef", "secret": "SEC0123456789abcdef", "kindPrefixes": ["deadline.", "lead.assigned"]}""")))
    @PostMapping("/api/v1/robots")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RobotView> create(@RequestBody RobotRequest body) {
        RobotView view = view(robots.connect(body.form()));
        return ResponseEntity.created(URI.create("/api/v1/robots/" + view.id())).body(view);
    }

    @Operation(summary = "One group robot, with its delivery health")
    @GetMapping("/api/v1/robots/{id}")
    RobotView get(@PathVariable UUID id) {
        return view(robots.robot(id));
    }

    @Operation(summary = "Change a group robot or switch it off (enabled: false) or on (409 when the version is stale)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "Switch it off", value = """
                    {"enabled": false, "version": 3}""")))
    @PutMapping("/api/v1/robots/{id}")
    RobotView update(@PathVariable UUID id, @RequestBody RobotUpdate body) {
        return view(robots.change(id, body.form(), body.enabled(), body.version()));
    }

    @Operation(summary = "Send the robot a test message now: whether it took it (a robot that refuses is no error of"
            + " the request: taken false, and why), and the robot with the test as its latest outcome")
    @PostMapping("/api/v1/robots/{id}/test")
    RobotTestResult test(@PathVariable UUID id) {
        NotificationRobot robot = robots.robot(id);
        RobotAdminController.Tried tried = RobotAdminController.tryTest(robots, robot);
        Locale locale = LocaleContextHolder.getLocale();
        return new RobotTestResult(tried.taken(), messages.getMessage(tried.key(), tried.args(), locale),
                view(robots.robot(id)));
    }

    private RobotView view(NotificationRobot robot) {
        return RobotView.of(RobotAdmin.RobotRow.of(robot), robots.health(robot.id(), LocaleContextHolder.getLocale()));
    }

    private static String joined(List<String> kindPrefixes) {
        return kindPrefixes == null ? "" : String.join(",", kindPrefixes.stream()
                .map(k -> k == null ? "" : k).toList());
    }
}
