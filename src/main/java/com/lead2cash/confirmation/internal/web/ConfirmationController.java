package com.lead2cash.confirmation.internal.web;

import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.internal.ConfirmationService;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rep's page of one confirmation: the document exactly as sent, where it stands, the answer with its
 * evidence, and a new link with its QR code while it is open.
 */
@Controller
public class ConfirmationController {

    private final ConfirmationService service;
    private final OrgDirectory org;
    private final ZoneId zone;

    ConfirmationController(ConfirmationService service, OrgDirectory org, @Value("${l2c.zone}") ZoneId zone) {
        this.service = service;
        this.org = org;
        this.zone = zone;
    }

    @GetMapping("/confirmations/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ConfirmationView view = service.visible(id);
        model.addAttribute("c", view);
        model.addAttribute("doc", service.documentOf(id));
        model.addAttribute("subject", service.subjectInfo(view).orElse(null));
        model.addAttribute("sender", org.person(view.requestedBy()).map(OrgDirectory.Person::displayName).orElse(""));
        model.addAttribute("links", service.linkCount(id));
        model.addAttribute("addressed", service.addressed(id));
        model.addAttribute("zone", zone);
        return "confirmation/detail";
    }

    /** htmx: a new link to the open confirmation, shown with its QR code (and e-mailed again when asked). */
    @PostMapping("/confirmations/{id}/links")
    String newLink(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean email, Model model) {
        model.addAttribute("zone", zone);
        try {
            model.addAttribute("sent", service.reissue(id, CurrentUser.require().id(), email));
            // the page's count of links issued includes this one (swapped out of band)
            model.addAttribute("links", service.linkCount(id));
            model.addAttribute("oob", true);
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("refusal", e);
        }
        return "confirmation/detail :: sentWithCount";
    }
}
