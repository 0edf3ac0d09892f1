package com.lead2cash.platform.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post-redirect-get flash messages: a bundle key shown once on the next page. */
public final class Flash {

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flashSuccess", messageKey);
        redirect.addFlashAttribute("flashArgs", args);
    }

    public static void error(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flashError", messageKey);
        redirect.addFlashAttribute("flashArgs", args);
    }
}
