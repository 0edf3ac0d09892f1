package com.lead2cash.notification.internal.web;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.internal.Inbox;
import com.lead2cash.notification.internal.NotificationPreferences;
import com.lead2cash.notification.internal.domain.NotificationPreference;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications and notification preferences; someone else's notification answers 404. */
@RestController
@Tag(name = "Notifications")
public class NotificationApiController {

    record NotificationDto(UUID id, String kind, String title, String link, Notification.Urgency urgency,
                           Instant createdAt, Instant readAt,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "Since when the reader has nothing left to do about it (someone else settled it, or it went to someone else); null while it may still ask something of the reader") Instant settledAt) {
        static NotificationDto of(Inbox.Item i) {
            return new NotificationDto(i.id(), i.kind(), i.title(), i.link(), i.urgency(), i.createdAt(), i.readAt(),
                    i.settledAt());
        }
    }

    record UnreadCount(long count) {
    }

    record ReadAll(int marked) {
    }

    record PreferencesDto(String locale, boolean emailEnabled, boolean digestEnabled, List<String> mutedKinds,
                          boolean emailAvailable, Long version) {
        static PreferencesDto of(NotificationPreference p, boolean emailAvailable) {
            return new PreferencesDto(p.locale().toLanguageTag(), p.emailEnabled(), p.digestEnabled(),
                    List.copyOf(p.mutedKindSet()), emailAvailable, p.version());
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "A setting left out (or sent as null) keeps its"
            + " current value; mutedKinds sent replaces the muted kinds ([] mutes none), each a kind the application"
            + " sends or one the caller already received or muted (else 422)")
    record UpdatePreferences(@NotBlank String locale, Boolean emailEnabled, Boolean digestEnabled,
                             List<String> mutedKinds, Long version) implements com.lead2cash.platform.Versioned {
    }

    private final Inbox inbox;
    private final NotificationPreferences preferences;

    NotificationApiController(Inbox inbox, NotificationPreferences preferences) {
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @Operation(summary = "My notifications, newest first; titles in the caller's language (Accept-Language, else"
            + " their preference)")
    @GetMapping("/api/v1/notifications")
    CursorPage<NotificationDto> list(@RequestParam(defaultValue = "false") boolean unread,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Integer size,
                                     HttpServletRequest request) {
        return inbox.list(me(), unread, cursor, size, readersLocale(request)).map(NotificationDto::of);
    }

    @Operation(summary = "How many of my notifications are unread")
    @GetMapping("/api/v1/notifications/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(me()));
    }

    @Operation(summary = "Mark one of my notifications read (404 when it is not mine)")
    @PostMapping("/api/v1/notifications/{id}/read")
    NotificationDto read(@PathVariable UUID id, HttpServletRequest request) {
        inbox.markRead(me(), id);
        return NotificationDto.of(inbox.item(me(), id, readersLocale(request)));
    }

    @Operation(summary = "Mark all my notifications read")
    @PostMapping("/api/v1/notifications/read-all")
    ReadAll readAll() {
        return new ReadAll(inbox.markAllRead(me()));
    }

    @Operation(summary = "My notification preferences")
    @GetMapping("/api/v1/notifications/preferences")
    PreferencesDto preferences() {
        return PreferencesDto.of(preferences.of(me()), preferences.emailAvailable());
    }

    @Operation(summary = "Change my notification preferences (409 when the version is stale)")
    @PutMapping("/api/v1/notifications/preferences")
    PreferencesDto changePreferences(@Valid @RequestBody UpdatePreferences body) {
        return PreferencesDto.of(preferences.change(me(), body.locale(), body.emailEnabled(), body.digestEnabled(),
                body.mutedKinds(), body.version()), preferences.emailAvailable());
    }

    /**
     * The language titles are said in. The request's wins over the caller's preference, as for every other answer of
     * the API (problem details) and as on the /notifications screen: the request's language as the application
     * resolves it (a language picked with {@code ?lang=} and kept in a cookie, else Accept-Language). A request without
     * Accept-Language (a script) names no language: it gets the caller's preference, the language their e-mails and
     * robot messages are written in, which have no request to ask either.
     */
    private Locale readersLocale(HttpServletRequest request) {
        String named = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return named != null && !named.isBlank() ? LocaleContextHolder.getLocale()
                : preferences.of(me()).locale();
    }

    private static UUID me() {
        return CurrentUser.require().id();
    }
}
