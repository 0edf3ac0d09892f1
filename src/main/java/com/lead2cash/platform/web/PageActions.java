package com.lead2cash.platform.web;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.RecordNotFoundException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A record page's buttons and small forms, posted and answered by post-redirect-get: the action runs and its
 * success is flashed, or its refusal is flashed and {@code refused} gives back what the form held (a
 * {@link Flash#typed}); either way the browser goes back to the page. A refusal is a domain refusal, a version
 * someone changed meanwhile ({@code error.staleVersion}) or a value the action could not read (an
 * {@link IllegalArgumentException}, {@code error.form.unreadable}). A record not found or outside the caller's
 * scope is no refusal: it is the 404 page, as a GET of the record answers, never a hint on a page. Nor is an action
 * the caller's role may not do ({@link ForbiddenException}): the page never offered it, so it is the 403 page, as a
 * GET refused by role and the API answer.
 */
public final class PageActions {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageActions.class);

    /** The flash attribute a send carries to the page that shows its link once ({@link #shownOnce}). */
    public static final String SENT = "sent";

    private PageActions() {
    }

    /**
     * The page a post-redirect-get goes on to, showing once what the post carried to it as a flash attribute (a link
     * just sent, kept nowhere else in clear): {@code fill} adds the rest of the model and the view is answered. A
     * reload or a bookmark carries nothing and goes to {@code recordPage} — nothing is done again. The caller checks
     * the record's scope first, as the record's page does.
     */
    public static String shownOnce(org.springframework.ui.Model model, String attribute, String recordPage, String view,
                                   Runnable fill) {
        if (model.getAttribute(attribute) == null) {
            return "redirect:" + recordPage;
        }
        fill.run();
        return view;
    }

    /** Runs the action and flashes {@code successKey}; back to {@code page} (a path) either way. */
    public static String run(RedirectAttributes redirect, String page, String successKey, Runnable refused,
                             Runnable action) {
        attempt(redirect, refused, () -> {
            action.run();
            Flash.success(redirect, successKey);
            return null;
        });
        return "redirect:" + page;
    }

    /** The same, {@code successKey} naming what the action answers (the record's number, the person invited). */
    public static String runNaming(RedirectAttributes redirect, String page, String successKey, Runnable refused,
                                   Supplier<?> action) {
        attempt(redirect, refused, () -> {
            Flash.success(redirect, successKey, action.get());
            return null;
        });
        return "redirect:" + page;
    }

    /**
     * {@link #run}, for a form with typed fields: what the input rules refused in them ({@link RefusedInput}) is
     * checked first inside the action, so it is flashed and the typed values given back like the action's own refusal.
     */
    public static String run(RedirectAttributes redirect, String page, String successKey, RefusedInput input,
                             Runnable refused, Runnable action) {
        return run(redirect, page, successKey, refused, () -> {
            input.check();
            action.run();
        });
    }

    /** {@link #runNaming}, the form's {@link RefusedInput} checked first, as {@code run} with it does. */
    public static String runNaming(RedirectAttributes redirect, String page, String successKey, RefusedInput input,
                                   Runnable refused, Supplier<?> action) {
        return runNaming(redirect, page, successKey, refused, () -> {
            input.check();
            return action.get();
        });
    }

    /** {@link #attempt}, the form's {@link RefusedInput} checked first, as {@code run} with it does. */
    public static <T> Optional<T> attempt(RedirectAttributes redirect, RefusedInput input, Runnable refused,
                                          Supplier<T> action) {
        return attempt(redirect, refused, () -> {
            input.check();
            return action.get();
        });
    }

    /**
     * Runs an action that flashes its own success; what it answers (where to go next), or nothing when it was
     * refused: the refusal flashed and {@code refused} run.
     */
    public static <T> Optional<T> attempt(RedirectAttributes redirect, Runnable refused, Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (RecordNotFoundException | ForbiddenException e) {
            // the error page's (404, 403), as the API answers them: no message on a page that never offered this
            throw e;
        } catch (DomainException e) {
            Flash.error(redirect, e);
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        } catch (IllegalArgumentException e) {
            // most often a value typed by hand; logged, as it may also be a rule of the code broken
            LOG.warn("A page's action refused a value it could not read", e);
            Flash.error(redirect, "error.form.unreadable");
        }
        refused.run();
        return Optional.empty();
    }
}
