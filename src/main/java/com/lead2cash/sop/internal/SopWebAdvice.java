package com.lead2cash.sop.internal;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the SOP screens the company zone, so instants show as the office's wall-clock time. */
@ControllerAdvice(basePackages = "com.lead2cash.sop")
class SopWebAdvice {

    private final ZoneId zone;

    SopWebAdvice(@Value("${l2c.zone}") ZoneId zone) {
        this.zone = zone;
    }

    @ModelAttribute("sopZone")
    ZoneId sopZone() {
        return zone;
    }
}
