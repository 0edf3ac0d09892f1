package com.lead2cash.sop.internal.deadline;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.HomePanel;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    DeadlineController(DeadlineQueries queries, SubjectLabels labels) {
        this.queries = queries;
        this.labels = labels;
    }

    @GetMapping("/deadlines")
    String list(@RequestParam(required = false) String rule, @RequestParam(required = false) String state,
                @RequestParam(required = false) String scope, @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String s = scope == null || scope.isBlank() ? "mine" : scope;
        CursorPage<DeadlineQueries.Row> page = queries.list(
                new DeadlineQueries.Filter(rule, blankToNull(state), null, null, s), cursor, null);
        model.addAttribute("page", page);
        model.addAttribute("labels", labels.of(page.items()));
        model.addAttribute("rule", rule);
        model.addAttribute("state", state);
        model.addAttribute("scope", s);
        model.addAttribute("now", queries.now());
        model.addAttribute("rules", RuleCatalog.deadlineRules());
        model.addAttribute("states", new String[] {"OPEN", "BREACHED", "MET", "CANCELLED"});
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
