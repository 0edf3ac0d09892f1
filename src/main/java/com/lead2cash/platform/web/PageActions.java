package com.lead2cash.platform.web;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.RecordNotFoundException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A record page's buttons and small forms, posted and answered by post-redirect-get: the action runs and its
 * success is flashed, or its refusal is flashed and {@code refused} gives back what the form held (a
 * {@link Flash#typed}); either way the browser goes back to the page. A domain refusal is always flashed; which other
 * failures a page flashes, rather than leave them to the error page, each page says once ({@link Also}).
 */
public final class PageActions {

    /** Failures a page may flash on itself besides a domain refusal. */
    public enum Also {
        /** A record not found is flashed (else the 404 page). */
        NOT_FOUND,
        /** A version changed meanwhile is flashed as {@code error.staleVersion} (else the 409 page). */
        STALE_VERSION,
        /** A value the action could not read (an {@link IllegalArgumentException}) as {@code error.form.unreadable}. */
        UNREADABLE
    }

    private final Set<Also> flashed;

    private PageActions(Set<Also> flashed) {
        this.flashed = flashed;
    }

    /** A page's actions, flashing a domain refusal and the failures named. */
    public static PageActions flashing(Also... also) {
        EnumSet<Also> flashed = EnumSet.noneOf(Also.class);
        flashed.addAll(java.util.List.of(also));
        return new PageActions(flashed);
    }

    /** Runs the action and flashes {@code successKey}; back to {@code page} (a path) either way. */
    public String run(RedirectAttributes redirect, String page, String successKey, Runnable refused, Runnable action) {
        attempt(redirect, refused, () -> {
            action.run();
            Flash.success(redirect, successKey);
            return null;
        });
        return "redirect:" + page;
    }

    /** The same, {@code successKey} naming what the action answers (the record's number, the person invited). */
    public String runNaming(RedirectAttributes redirect, String page, String successKey, Runnable refused,
                            Supplier<?> action) {
        attempt(redirect, refused, () -> {
            Flash.success(redirect, successKey, action.get());
            return null;
        });
        return "redirect:" + page;
    }

    /**
     * Runs an action that flashes its own success; what it answers (where to go next), or nothing when it was
     * refused: the refusal flashed and {@code refused} run.
     */
    public <T> Optional<T> attempt(RedirectAttributes redirect, Runnable refused, Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (RecordNotFoundException e) {
            if (!flashed.contains(Also.NOT_FOUND)) {
                throw e;
            }
            Flash.error(redirect, e);
        } catch (DomainException e) {
            Flash.error(redirect, e);
        } catch (OptimisticLockingFailureException e) {
            if (!flashed.contains(Also.STALE_VERSION)) {
                throw e;
            }
            Flash.error(redirect, "error.staleVersion");
        } catch (IllegalArgumentException e) {
            if (!flashed.contains(Also.UNREADABLE)) {
                throw e;
            }
            Flash.error(redirect, "error.form.unreadable");
        }
        refused.run();
        return Optional.empty();
    }
}
