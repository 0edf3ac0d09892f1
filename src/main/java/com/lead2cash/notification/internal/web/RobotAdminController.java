package com.lead2cash.notification.internal.web;

import com.lead2cash.notification.internal.RobotAdmin;
import com.lead2cash.notification.internal.delivery.DeliveryRefused;
import com.lead2cash.notification.internal.delivery.RobotWebhooks;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.RefusedInput;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of DingTalk and WeCom group robots: list, connect, edit, switch off, send a test message. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class RobotAdminController {

    /** The robot form as the browser posts it; the secret is write-only. */
    static class RobotFormModel {
        private Channel channel = Channel.DINGTALK;
        private String name;
        private String webhookUrl;
        private String secret;
        private boolean clearSecret;
        private String kindPrefixes;
        private Long version;

        public Channel getChannel() { return channel; }
        public void setChannel(Channel channel) { this.channel = channel; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getWebhookUrl() { return webhookUrl; }
        public void setWebhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public boolean isClearSecret() { return clearSecret; }
        public void setClearSecret(boolean clearSecret) { this.clearSecret = clearSecret; }
        public String getKindPrefixes() { return kindPrefixes; }
        public void setKindPrefixes(String kindPrefixes) { this.kindPrefixes = kindPrefixes; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }

        RobotAdmin.RobotForm toForm() {
            return new RobotAdmin.RobotForm(channel, name, webhookUrl, secret, clearSecret, kindPrefixes);
        }

        static RobotFormModel of(NotificationRobot robot) {
            RobotFormModel m = new RobotFormModel();
            m.channel = robot.channel();
            m.name = robot.name();
            m.webhookUrl = robot.webhookUrl();
            m.kindPrefixes = robot.kindPrefixes();
            m.version = robot.version();
            return m;
        }
    }

    private static final String LIST = "/admin/integrations/robots";
    private static final Logger log = LoggerFactory.getLogger(RobotAdminController.class);

    private final RobotAdmin robots;

    RobotAdminController(RobotAdmin robots) {
        this.robots = robots;
    }

    @GetMapping(LIST)
    String list(Model model) {
        model.addAttribute("robots", robots.list());
        model.addAttribute("health", robots.health(LocaleContextHolder.getLocale()));
        return "notification/robots";
    }

    @GetMapping(LIST + "/new")
    String newRobot(Model model) {
        model.addAttribute("form", new RobotFormModel());
        return form(model, null);
    }

    @PostMapping(LIST + "/new")
    String create(@ModelAttribute("form") RobotFormModel form, BindingResult binding, RefusedInput refused, Model model,
                  RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            return form(model, null);
        }
        try {
            refused.check();
            NotificationRobot robot = robots.connect(form.toForm());
            Flash.success(redirect, "notification.flash.robotSaved", robot.name());
            return "redirect:" + LIST;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return form(model, null);
        }
    }

    @GetMapping(LIST + "/{id}")
    String edit(@PathVariable UUID id, Model model) {
        NotificationRobot robot = robots.robot(id);
        model.addAttribute("form", RobotFormModel.of(robot));
        return form(model, robot);
    }

    @PostMapping(LIST + "/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") RobotFormModel form, BindingResult binding,
                  RefusedInput refused, Model model, RedirectAttributes redirect) {
        if (FormErrors.unreadable(binding, refused)) {
            return form(model, robots.robot(id));
        }
        try {
            refused.check();
            NotificationRobot robot = robots.reconfigure(id, form.toForm(), form.getVersion());
            Flash.success(redirect, "notification.flash.robotSaved", robot.name());
            return "redirect:" + LIST;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
        } catch (OptimisticLockingFailureException e) {
            binding.reject("error.staleVersion");
        }
        return form(model, robots.robot(id));
    }

    @PostMapping(LIST + "/{id}/enabled")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, @RequestParam Long version,
                      RedirectAttributes redirect) {
        try {
            NotificationRobot robot = robots.setEnabled(id, enabled, version);
            Flash.success(redirect, enabled ? "notification.flash.robotEnabled" : "notification.flash.robotDisabled",
                    robot.name());
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        }
        return "redirect:" + LIST;
    }

    @PostMapping(LIST + "/{id}/test")
    String sendTest(@PathVariable UUID id, RedirectAttributes redirect) {
        Tried tried = tryTest(robots, robots.robot(id));
        if (tried.taken()) {
            Flash.success(redirect, tried.key(), tried.args());
        } else {
            Flash.error(redirect, tried.key(), tried.args());
        }
        return "redirect:" + LIST;
    }

    /** A test message's outcome as the robots' page and the API say it: whether it was taken, its message and arguments. */
    record Tried(boolean taken, String key, Object... args) {
    }

    /** Sends the robot a test message ({@link RobotAdmin#sendTest}) and says how it went, as the robots' page does. */
    static Tried tryTest(RobotAdmin robots, NotificationRobot robot) {
        try {
            robots.sendTest(robot.id(), LocaleContextHolder.getLocale());
            return new Tried(true, "notification.flash.testSent", robot.name());
        } catch (RobotWebhooks.Failure e) {
            // the status only: the remote answer is not ours to show
            return new Tried(false, "notification.flash.testFailed", robot.name(), String.valueOf(e.status()));
        } catch (DeliveryRefused e) {
            return new Tried(false, "notification.flash.testAddressRefused", robot.name());
        } catch (RuntimeException e) {
            log.info("test message to robot {} failed: {}", robot.id(),
                    RobotWebhooks.redact(String.valueOf(e.getMessage())));
            return new Tried(false, "notification.flash.testUnreachable", robot.name());
        }
    }

    private String form(Model model, NotificationRobot robot) {
        model.addAttribute("robot", robot == null ? null : RobotAdmin.RobotRow.of(robot));
        model.addAttribute("health", robot == null ? null : robots.health(robot.id(), LocaleContextHolder.getLocale()));
        model.addAttribute("channels", new Channel[] {Channel.DINGTALK, Channel.WECOM});
        return "notification/robot-form";
    }
}
