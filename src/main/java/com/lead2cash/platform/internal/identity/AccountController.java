package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: change the password. */
@Controller
class AccountController {

    private final IdentityService identity;

    AccountController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("account", identity.user(CurrentUser.require().id()));
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new FieldValidationException("confirmPassword", "password.confirm.mismatch");
            }
            identity.changeOwnPassword(CurrentUser.require().id(), currentPassword, newPassword);
            Flash.success(redirect, "flash.password.changed");
            return "redirect:/account";
        } catch (DomainException e) {
            model.addAttribute("passwordErrors", e instanceof FieldValidationException f ? f.errors() : java.util.List.of());
            return account(model);
        }
    }
}
