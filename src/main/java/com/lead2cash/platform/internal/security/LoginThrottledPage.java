package com.lead2cash.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in form again, saying how long a throttled address waits (reached only by forward, with 429). */
@Controller
class LoginThrottledPage {

    @RequestMapping(LoginFailureHandler.THROTTLED_PAGE)
    String throttled(HttpServletRequest request, Model model) {
        Object minutes = request.getAttribute(LoginFailureHandler.THROTTLED_MINUTES);
        if (minutes == null) {
            return "redirect:/login";
        }
        model.addAttribute("throttledMinutes", minutes);
        model.addAttribute("lastUsername", request.getParameter("username"));
        return "login";
    }
}
