package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.NavigationEntry;
import java.util.Comparator;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the shell needs: the signed-in person and the current path (for the active nav item). */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final List<NavigationEntry> navigation;

    ShellModelAdvice(List<NavigationEntry> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation() {
        return visible().stream().filter(n -> !n.isAdministration()).toList();
    }

    /** Administration screens go into one menu, so the bar stays short. */
    @ModelAttribute("adminNavigation")
    List<NavigationEntry> adminNavigation() {
        return visible().stream().filter(NavigationEntry::isAdministration).toList();
    }

    private List<NavigationEntry> visible() {
        return CurrentUser.get().map(me -> navigation.stream().filter(n -> n.visibleFor(me)).toList())
                .orElse(List.of());
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
