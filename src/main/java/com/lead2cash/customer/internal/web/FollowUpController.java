package com.lead2cash.customer.internal.web;

import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.customer.internal.activity.FollowUpFeed;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.HomePanel;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Follow-ups due (待跟进): the rep's own — home panel, page and calendar subscription — and the
 * manager's team view of overdue follow-ups per person, both within the reader's scope.
 */
@Controller
@PreAuthorize(CustomerAccess.READER_ROLES)
class FollowUpController {

    /** How far ahead the manager's team view counts follow-ups as due soon. */
    private static final Duration SOON = Duration.ofDays(3);
    /** How far ahead the rep's panel lists follow-ups: the coming week. */
    private static final Duration WEEK = Duration.ofDays(7);

    private final CustomerQueries queries;
    private final FollowUpFeed feed;
    private final Clock clock;

    FollowUpController(CustomerQueries queries, FollowUpFeed feed, Clock clock) {
        this.queries = queries;
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping("/customers/follow-ups")
    String mine(Model model) {
        Instant now = clock.instant();
        CurrentUser me = CurrentUser.require();
        model.addAttribute("items", queries.followUpsDue(me.id(), now.plus(Duration.ofDays(14)), 200));
        model.addAttribute("now", now);
        model.addAttribute("feedIssuedAt", feed.issuedAt(me.id()).orElse(null));
        return "customer/follow-ups";
    }

    @GetMapping("/customers/follow-ups/panel")
    String panel(Model model) {
        Instant now = clock.instant();
        model.addAttribute("items", queries.followUpsDue(CurrentUser.require().id(), now.plus(WEEK), 10));
        model.addAttribute("now", now);
        return "customer/follow-ups :: panel";
    }

    @GetMapping("/customers/follow-ups/team")
    String team(Model model) {
        Instant now = clock.instant();
        model.addAttribute("rows", queries.teamFollowUps(now, now.plus(SOON)));
        model.addAttribute("overdue", queries.overdue(now, 200));
        model.addAttribute("now", now);
        return "customer/team-follow-ups";
    }

    @GetMapping("/customers/follow-ups/team/panel")
    String teamPanel(Model model) {
        Instant now = clock.instant();
        model.addAttribute("rows", queries.teamFollowUps(now, now.plus(SOON)));
        model.addAttribute("now", now);
        return "customer/team-follow-ups :: panel";
    }

    /** Issues (or replaces) the calendar subscription; its URL is shown once. */
    @PostMapping("/customers/follow-ups/feed")
    String issueFeed(HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        String secret = feed.issue(CurrentUser.require().id(), locale);
        String base = request.getRequestURL().toString().replace(request.getRequestURI(), request.getContextPath());
        redirect.addFlashAttribute("feedUrl", base + "/api/v1/public/customer-follow-ups/" + secret + ".ics");
        Flash.success(redirect, "customer.flash.feedIssued");
        return "redirect:/customers/follow-ups";
    }

    @PostMapping("/customers/follow-ups/feed/revoke")
    String revokeFeed(RedirectAttributes redirect) {
        feed.revoke(CurrentUser.require().id());
        Flash.success(redirect, "customer.flash.feedRevoked");
        return "redirect:/customers/follow-ups";
    }

    /** The calendar feed itself: no session, the secret in the URL is the credential (404 when unknown). */
    @RestController
    static class Feed {

        private final FollowUpFeed feed;

        Feed(FollowUpFeed feed) {
            this.feed = feed;
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "A personal calendar feed of planned follow-ups (iCalendar); the secret in the URL is the credential, 404 when unknown or revoked")
        @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The feed",
                content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/calendar",
                        schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
        // no content negotiation: calendar apps send whatever Accept they like, the answer is always iCalendar
        @GetMapping("/api/v1/public/customer-follow-ups/{secret}.ics")
        ResponseEntity<String> calendar(@PathVariable String secret) {
            return feed.calendar(secret)
                    .map(ics -> ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                            .body(ics))
                    // unknown and revoked alike: a problem that says nothing about which
                    .orElseThrow(() -> new RecordNotFoundException("CalendarFeed"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomerNavigation {

        private static final Set<Role> SALES = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
                Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.FINANCE, Role.ADMIN);

        @Bean
        NavigationEntry customersNavigation() {
            return new NavigationEntry("customer.nav.customers", "/customers", 110, SALES);
        }

        @Bean
        HomePanel followUpsDuePanel() {
            return new HomePanel("customer.panel.mine", "/customers/follow-ups/panel", 20,
                    Set.of(Role.SALES_REP, Role.ACCOUNT_MANAGER));
        }

        @Bean
        HomePanel teamFollowUpsPanel() {
            return new HomePanel("customer.panel.team", "/customers/follow-ups/team/panel", 25,
                    Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER));
        }
    }
}
