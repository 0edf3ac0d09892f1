package com.lead2cash.notification.internal.web;

import com.lead2cash.notification.internal.Inbox;
import com.lead2cash.notification.internal.NotificationPreferences;
import com.lead2cash.notification.internal.domain.NotificationPreference;
import com.lead2cash.notification.internal.domain.StoredMessage;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.RefusedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox screen, the header bell and the preferences screen, for every signed-in person. */
@Controller
public class InboxController {

    /** The preferences form as the browser posts it. */
    static class PreferencesForm {
        private String locale;
        private boolean emailEnabled;
        private boolean digestEnabled;
        private List<String> mutedKinds = new ArrayList<>();
        private Long version;

        public String getLocale() { return locale; }
        public void setLocale(String locale) { this.locale = locale; }
        public boolean isEmailEnabled() { return emailEnabled; }
        public void setEmailEnabled(boolean emailEnabled) { this.emailEnabled = emailEnabled; }
        public boolean isDigestEnabled() { return digestEnabled; }
        public void setDigestEnabled(boolean digestEnabled) { this.digestEnabled = digestEnabled; }
        public List<String> getMutedKinds() { return mutedKinds; }
        public void setMutedKinds(List<String> mutedKinds) { this.mutedKinds = mutedKinds == null ? new ArrayList<>() : mutedKinds; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }

        static PreferencesForm of(NotificationPreference p) {
            PreferencesForm form = new PreferencesForm();
            form.locale = p.locale().toLanguageTag();
            form.emailEnabled = p.emailEnabled();
            form.digestEnabled = p.digestEnabled();
            form.mutedKinds = new ArrayList<>(p.mutedKindSet());
            form.version = p.version();
            return form;
        }
    }

    private final Inbox inbox;
    private final NotificationPreferences preferences;

    InboxController(Inbox inbox, NotificationPreferences preferences) {
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("page", inbox.list(me(), unread, cursor, null, LocaleContextHolder.getLocale()));
        model.addAttribute("unread", unread);
        model.addAttribute("unreadCount", inbox.unreadCount(me()));
        return htmx != null && cursor != null ? "notification/inbox :: rows" : "notification/inbox";
    }

    /** The bell in the header, loaded and refreshed by htmx. */
    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unreadCount", inbox.unreadCount(me()));
        return "notification/badge :: badge";
    }

    /** Opening a notification marks it read and follows its link, if it has one inside the application. */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        StoredMessage message = inbox.markRead(me(), id);
        String link = message.safeLink();
        return "redirect:" + (link == null ? "/notifications" : link);
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes redirect) {
        Flash.success(redirect, "notification.flash.allRead", inbox.markAllRead(me()));
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/preferences")
    String preferences(Model model) {
        model.addAttribute("form", PreferencesForm.of(preferences.of(me())));
        return preferencesPage(model);
    }

    @PostMapping("/notifications/preferences")
    String savePreferences(@ModelAttribute("form") PreferencesForm form, BindingResult binding, Model model,
                           RedirectAttributes redirect) {
        if (!FormErrors.unreadable(binding, RefusedInput.NONE)) {
            try {
                NotificationPreference current = preferences.of(me());
                boolean email = preferences.emailAvailable() ? form.isEmailEnabled() : current.emailEnabled();
                boolean digest = preferences.emailAvailable() ? form.isDigestEnabled() : current.digestEnabled();
                preferences.change(me(), form.getLocale(), email, digest, form.getMutedKinds(), form.getVersion());
                Flash.success(redirect, "notification.flash.preferencesSaved");
                return "redirect:/notifications/preferences";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            } catch (OptimisticLockingFailureException e) {
                binding.reject("error.staleVersion");
            }
        }
        return preferencesPage(model);
    }

    private String preferencesPage(Model model) {
        model.addAttribute("emailAvailable", preferences.emailAvailable());
        model.addAttribute("kindGroups", preferences.kindGroups(me()));
        model.addAttribute("locales", NotificationPreference.SUPPORTED_LOCALES.stream().map(Locale::toLanguageTag).toList());
        return "notification/preferences";
    }

    private static UUID me() {
        return CurrentUser.require().id();
    }
}
