package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.internal.security.ApiTokens;
import com.lead2cash.platform.internal.security.SessionRevalidation;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: change the password; see, create and revoke personal API tokens. */
@Controller
class AccountController {

    private final IdentityService identity;
    private final ApiTokens tokens;
    private final SessionRevalidation sessions;
    private final ZoneId zone;

    AccountController(IdentityService identity, ApiTokens tokens, SessionRevalidation sessions,
                      @Value("${l2c.zone}") ZoneId zone) {
        this.identity = identity;
        this.tokens = tokens;
        this.sessions = sessions;
        this.zone = zone;
    }

    @GetMapping("/account")
    String account(Model model) {
        UUID me = CurrentUser.require().id();
        model.addAttribute("account", identity.user(me));
        model.addAttribute("tokens", tokens.of(me));
        model.addAttribute("zone", zone);
        return "account";
    }

    /** Other sessions of this user end at their next request; this one goes on. */
    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword,
                          RefusedInput refused, Model model, RedirectAttributes redirect,
                          HttpServletRequest request) {
        try {
            refused.check();
            if (!newPassword.equals(confirmPassword)) {
                throw new FieldValidationException("confirmPassword", "password.confirm.mismatch");
            }
            identity.changeOwnPassword(CurrentUser.require().id(), currentPassword, newPassword);
            sessions.refreshCurrent(request);
            Flash.success(redirect, "flash.password.changed");
            return "redirect:/account";
        } catch (DomainException e) {
            model.addAttribute("passwordErrors", e instanceof FieldValidationException f ? f.errors() : List.of());
            return account(model);
        }
    }

    /** The secret is shown once, on the page the creation redirects to. */
    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, RefusedInput refused, RedirectAttributes redirect) {
        try {
            refused.check();
            ApiTokens.IssuedToken issued = tokens.issue(CurrentUser.require().id(), name);
            redirect.addFlashAttribute("newToken", issued.token());
            Flash.success(redirect, "flash.token.created");
        } catch (DomainException e) {
            Flash.error(redirect, e);
            Flash.typed(redirect, "tokenTyped", "name", name);
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(CurrentUser.require().id(), id);
        Flash.success(redirect, "flash.token.revoked");
        return "redirect:/account";
    }
}
