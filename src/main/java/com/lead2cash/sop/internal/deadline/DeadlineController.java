package com.lead2cash.sop.internal.deadline;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.HomePanel;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The deadline list page and the home panel "My deadlines" (我的时限). */
@Controller
class DeadlineController {

    private final DeadlineQueries queries;
    private final SubjectLabels labels;
    private final OrgDirectory org;
    private final ZoneId zone;

    DeadlineController(DeadlineQueries queries, SubjectLabels labels, OrgDirectory org, @Value("${l2c.zone}") ZoneId zone) {
        this.queries = queries;
        this.labels = labels;
        this.org = org;
        this.zone = zone;
    }

    /**
     * The list, filtered as the compliance report drills down too: by outcome (how the report counts a deadline),
     * owner or team (the owners whose own unit it is) and the days due, {@code dueTo} included.
     */
    @GetMapping("/deadlines")
    String list(@RequestParam(required = false) String rule, @RequestParam(required = false) String state,
                @RequestParam(required = false) String outcome, @RequestParam(required = false) UUID owner,
                @RequestParam(required = false) UUID team,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                @RequestParam(required = false) String scope, @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String s = scope == null || scope.isBlank() ? "mine" : scope;
        Collection<UUID> owners = null;
        if (owner != null) {
            owners = List.of(owner);
            model.addAttribute("ownerName", org.person(owner).map(OrgDirectory.Person::displayName).orElse(null));
        } else if (team != null) {
            owners = org.membersOf(team).stream().map(OrgDirectory.Person::id).toList();
            model.addAttribute("teamName", org.unitName(team).orElse(null));
        }
        CursorPage<DeadlineQueries.Row> page = queries.list(new DeadlineQueries.Filter(rule, blankToNull(state),
                blankToNull(outcome), owners, dueFrom == null ? null : dueFrom.atStartOfDay(zone).toInstant(),
                dueTo == null ? null : dueTo.plusDays(1).atStartOfDay(zone).toInstant(), s), cursor, null);
        model.addAttribute("page", page);
        model.addAttribute("labels", labels.of(page.items()));
        model.addAttribute("owners", org.people(page.items().stream().map(DeadlineQueries.Row::ownerId).toList()));
        model.addAttribute("rule", rule);
        model.addAttribute("state", state);
        model.addAttribute("outcome", outcome);
        model.addAttribute("owner", owner);
        model.addAttribute("team", owner == null ? team : null);
        model.addAttribute("dueFrom", dueFrom);
        model.addAttribute("dueTo", dueTo);
        model.addAttribute("scope", s);
        model.addAttribute("now", queries.now());
        model.addAttribute("rules", RuleCatalog.deadlineRules());
        model.addAttribute("states", new String[] {"OPEN", "BREACHED", "MET", "CANCELLED"});
        model.addAttribute("outcomes", DeadlineQueries.OUTCOMES);
        return htmx != null && cursor != null ? "sop/deadlines :: rows" : "sop/deadlines";
    }

    @GetMapping("/deadlines/panel")
    String panel(Model model) {
        var items = queries.runningOf(CurrentUser.require().id(), 10);
        model.addAttribute("items", items);
        model.addAttribute("labels", labels.of(items));
        model.addAttribute("now", queries.now());
        return "sop/deadlines-panel :: panel";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Configuration(proxyBeanMethods = false)
    static class DeadlineWeb {

        @Bean
        NavigationEntry deadlinesNavigation() {
            return new NavigationEntry("nav.deadlines", "/deadlines", 800, Set.of());
        }

        @Bean
        HomePanel myDeadlinesPanel() {
            return new HomePanel("deadline.panel.title", "/deadlines/panel", 10, Set.of());
        }
    }
}
