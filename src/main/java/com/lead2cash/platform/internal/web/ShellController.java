package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.HomePanel;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the home page, whose panels the modules contribute. */
@Controller
class ShellController {

    private final List<HomePanel> panels;

    ShellController(List<HomePanel> panels) {
        this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(RefusalPage.SESSION_ENDED) != null) {
            session.removeAttribute(RefusalPage.SESSION_ENDED);
            model.addAttribute("sessionEnded", true);
        }
        if (session != null && session.getAttribute(RefusalPage.LAST_USERNAME) instanceof String typed) {
            session.removeAttribute(RefusalPage.LAST_USERNAME);
            model.addAttribute("lastUsername", typed);
        }
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("panels", panels.stream().filter(p -> p.visibleFor(me)).toList());
        return "home";
    }

    /** The platform's own navigation: administration. */
    @Configuration(proxyBeanMethods = false)
    static class PlatformNavigation {

        @Bean
        NavigationEntry usersNavigation() {
            return new NavigationEntry("nav.users", "/admin/users", 900, Set.of(Role.ADMIN));
        }

        @Bean
        NavigationEntry orgNavigation() {
            return new NavigationEntry("nav.org", "/admin/org", 910, Set.of(Role.ADMIN));
        }

        @Bean
        NavigationEntry fieldRulesNavigation() {
            return new NavigationEntry("nav.fieldRules", "/admin/field-rules", 915, Set.of(Role.ADMIN));
        }

        @Bean
        NavigationEntry auditNavigation() {
            return new NavigationEntry("nav.audit", "/admin/audit", 990, Set.of(Role.ADMIN));
        }
    }
}
