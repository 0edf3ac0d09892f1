package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.PageShell;
import java.util.Comparator;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the shell needs: the signed-in person, the current path (for the active nav item) and the
 * language switch's links to this same page.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final List<NavigationEntry> navigation;

    ShellModelAdvice(List<NavigationEntry> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    /** One model method for the shell, and nothing for an API answer ({@link PageShell}). */
    @ModelAttribute
    void shell(Model model, HttpServletRequest request) {
        if (!PageShell.isRendered(request)) {
            return;
        }
        List<NavigationEntry> visible = visible();
        model.addAttribute("navigation", visible.stream().filter(n -> !n.isAdministration()).toList());
        // administration screens go into one menu, so the bar stays short
        model.addAttribute("adminNavigation", visible.stream().filter(NavigationEntry::isAdministration).toList());
        model.addAttribute("me", CurrentUser.get().orElse(null));
        model.addAttribute("requestPath", request.getRequestURI());
        model.addAttribute("languageLinks", LanguageLinks.of(request.getQueryString()));
    }

    private List<NavigationEntry> visible() {
        return CurrentUser.get().map(me -> navigation.stream().filter(n -> n.visibleFor(me)).toList())
                .orElse(List.of());
    }
}
