package com.lead2cash.notification.internal;

import com.lead2cash.platform.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the unread bell into the shell's header slot for signed-in people; the layout loads it with htmx. */
@ControllerAdvice(annotations = Controller.class)
class HeaderBellAdvice {

    @ModelAttribute("headerFragment")
    String headerFragment() {
        return CurrentUser.get().isPresent() ? "/notifications/badge" : null;
    }
}
