package com.lead2cash.confirmation.internal.web;

import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.internal.Confirmation;
import com.lead2cash.confirmation.internal.ConfirmationService;
import com.lead2cash.confirmation.internal.LinkAnsweredException;
import com.lead2cash.confirmation.internal.LinkEndedException;
import com.lead2cash.confirmation.internal.LinkRefusedException;
import com.lead2cash.confirmation.internal.OutcomeNotOfferedException;
import com.lead2cash.confirmation.internal.PublicRateLimit;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.web.PageLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a customer's contact opens from the e-mail or the QR code, without an account: the document
 * exactly as sent and the answer its purpose allows; once answered, that answer, read-only. Every link
 * that does not open — unknown, altered, another record's, revoked, expired unanswered — gets the same
 * page with the same status; only a link to a superseded version, a withdrawn request or an answered one says so,
 * since only its rightful holder has it. Rate-limited per address.
 */
@Controller
public class PublicConfirmationController {

    public static final String PATH = "/c/";

    /** What the contact submits; {@code outcome} is the button they pressed. */
    static final class AnswerForm {
        private Purpose.Outcome outcome;
        private String name;
        private Integer rating;
        private String comment;

        public Purpose.Outcome getOutcome() { return outcome; }
        public void setOutcome(Purpose.Outcome outcome) { this.outcome = outcome; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Integer getRating() { return rating; }
        public void setRating(Integer rating) { this.rating = rating; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
    }

    private final ConfirmationService service;
    private final PublicRateLimit rateLimit;
    private final String companyName;

    PublicConfirmationController(ConfirmationService service, PublicRateLimit rateLimit,
                                 @Value("${l2c.company-name:Lead2Cash}") String companyName) {
        this.service = service;
        this.rateLimit = rateLimit;
        this.companyName = companyName;
    }

    @GetMapping(PATH + "{id}/{token}")
    String open(@PathVariable String id, @PathVariable String token, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        guard(response);
        if (!rateLimit.admit(request.getRemoteAddr())) {
            return tooMany(response);
        }
        return opened(id, token, new AnswerForm(), Map.of(), request, response, model);
    }

    @PostMapping(PATH + "{id}/{token}")
    String answer(@PathVariable String id, @PathVariable String token, @ModelAttribute("form") AnswerForm form,
                  HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        guard(response);
        if (!rateLimit.admit(request.getRemoteAddr())) {
            return tooMany(response);
        }
        try {
            var answered = service.answer(id, token, new Confirmation.Answer(form.getOutcome(), form.getName(),
                    form.getRating(), form.getComment(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
            redirect.addFlashAttribute("answeredState", answered.state());
            redirect.addFlashAttribute("answeredTitle", answered.title());
            // the thanks in the language the contact's page was in (decision 0098)
            service.recipientLanguage(answered.id()).ifPresent(l -> redirect.addFlashAttribute("answeredLanguage", l));
            return "redirect:" + PATH + "done";
        } catch (FieldValidationException e) {
            Map<String, FieldValidationException.FieldError> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f));
            response.setStatus(422);
            return opened(id, token, form, errors, request, response, model);
        } catch (OutcomeNotOfferedException e) {
            // a choice the page does not offer: 400 (decision 0014), the form again saying so
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form.setOutcome(null);
            return opened(id, token, form, Map.of("outcome",
                    new FieldValidationException.FieldError("outcome", "confirmation.answer.outcome.notOffered")),
                    request, response, model);
        } catch (LinkAnsweredException | LinkEndedException e) {
            // sent again (two tabs, Back and send): the answer recorded, read-only, not "link not valid"; a request that
            // ended meanwhile (superseded, withdrawn as the order was accepted on paper) says so, as opening it does
            return opened(id, token, new AnswerForm(), Map.of(), request, response, model);
        } catch (LinkRefusedException | OptimisticLockingFailureException e) {
            return unavailable(response);
        }
    }

    /** After an answer (post-redirect-get): thanks, once; without a fresh answer, the neutral page. */
    @GetMapping(PATH + "done")
    String done(Model model, HttpServletRequest request, HttpServletResponse response) {
        guard(response);
        if (!model.containsAttribute("answeredState")) {
            return unavailable(response);
        }
        if (model.getAttribute("answeredLanguage") instanceof java.util.Locale language) {
            PageLanguage.name(request, language);
        }
        model.addAttribute("company", companyName);
        return "confirmation/public-done";
    }

    /** The link's page as opening it shows it, or the neutral page when it does not open. */
    private String opened(String id, String token, AnswerForm form, Map<String, FieldValidationException.FieldError> errors,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            ConfirmationService.Opened opened = service.open(id, token);
            // in the language the contact's record names, when it names one (decision 0098); else their browser's
            PageLanguage.name(request, opened.recipientLanguage());
            return page(opened, id, token, form, errors, response, model);
        } catch (LinkRefusedException | OptimisticLockingFailureException e) {
            return unavailable(response);
        }
    }

    private String page(ConfirmationService.Opened opened, String id, String token, AnswerForm form,
                        Map<String, FieldValidationException.FieldError> errors, HttpServletResponse response,
                        Model model) {
        model.addAttribute("company", companyName);
        model.addAttribute("c", opened.confirmation());
        if (opened.access() == ConfirmationService.Access.SUPERSEDED
                || opened.access() == ConfirmationService.Access.WITHDRAWN) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("ended", opened.access() == ConfirmationService.Access.SUPERSEDED ? "superseded" : "withdrawn");
            return "confirmation/public-ended";
        }
        model.addAttribute("doc", opened.document());
        if (opened.access() == ConfirmationService.Access.ANSWERED) {
            return "confirmation/public-answered";
        }
        model.addAttribute("action", PATH + id + "/" + token);
        model.addAttribute("outcomes", opened.confirmation().purpose().outcomes());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "confirmation/public";
    }

    private String unavailable(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "confirmation/public-unavailable";
    }

    private String tooMany(HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, "60");
        return "confirmation/public-busy";
    }

    /** The token is in the address: keep it out of caches, referrers and search engines. */
    private static void guard(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
}
