package com.lead2cash.notification.internal.web;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.PageShell;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the unread bell into the shell's header slot for signed-in people; the layout loads it with htmx. */
@ControllerAdvice(annotations = Controller.class)
public class HeaderBellAdvice {

    @ModelAttribute
    void headerFragment(Model model, HttpServletRequest request) {
        if (PageShell.isRendered(request)) {
            model.addAttribute("headerFragment", CurrentUser.get().isPresent() ? "/notifications/badge" : null);
        }
    }
}
