package com.lead2cash.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** A record page's action: success or refusal flashed, what was typed given back on a refusal only, back to the page. */
class PageActionsTest {

    private final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
    private final AtomicInteger givenBack = new AtomicInteger();

    @Test
    void aDoneActionFlashesItsSuccessAndGivesNothingBack() {
        String view = PageActions.run(redirect, "/things/1", "thing.done", givenBack::incrementAndGet, () -> { });

        assertThat(view).isEqualTo("redirect:/things/1");
        assertThat(flash("flashSuccess")).isEqualTo("thing.done");
        assertThat((Object[]) flash("flashArgs")).isEmpty();
        assertThat(givenBack).hasValue(0);
    }

    @Test
    void aSuccessCanNameWhatTheActionAnswers() {
        PageActions.runNaming(redirect, "/things/1", "thing.done", givenBack::incrementAndGet, () -> "HT-1");

        assertThat((Object[]) flash("flashArgs")).containsExactly("HT-1");
    }

    @Test
    void aRefusalIsFlashedAndWhatWasTypedGivenBack() {
        String view = PageActions.run(redirect, "/things/1", "thing.done", givenBack::incrementAndGet, () -> {
            throw new DomainException("thing.refused");
        });

        assertThat(view).isEqualTo("redirect:/things/1");
        assertThat(flash("flashError")).isEqualTo("thing.refused");
        assertThat(flash("flashSuccess")).isNull();
        assertThat(givenBack).hasValue(1);
    }

    @Test
    void aStaleVersionAndAnUnreadableValueAreRefusalsFlashedOnThePageWithWhatWasTypedGivenBack() {
        String view = PageActions.run(redirect, "/t", "k", givenBack::incrementAndGet, () -> {
            throw new OptimisticLockingFailureException("stale");
        });
        assertThat(view).isEqualTo("redirect:/t");
        assertThat(flash("flashError")).isEqualTo("error.staleVersion");
        PageActions.run(redirect, "/t", "k", givenBack::incrementAndGet, () -> {
            throw new IllegalArgumentException("NOT_A_STAGE");
        });
        assertThat(flash("flashError")).isEqualTo("error.form.unreadable");
        assertThat(givenBack).hasValue(2);
    }

    @Test
    void aRecordNotFoundOrOutOfScopeIsTheNotFoundPageNeverAMessageOnAPage() {
        assertThatThrownBy(() -> PageActions.run(redirect, "/t", "k", givenBack::incrementAndGet, () -> {
            throw new RecordNotFoundException("Thing", 1);
        })).as("the 404 page").isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> PageActions.attempt(redirect, givenBack::incrementAndGet, () -> {
            throw new RecordNotFoundException("Thing", 1);
        })).isInstanceOf(RecordNotFoundException.class);
        assertThat(redirect.getFlashAttributes()).as("no hint flashed").isEmpty();
        assertThat(givenBack).as("nothing given back to a page not shown").hasValue(0);
    }

    @Test
    void aForbiddenActionIsTheForbiddenPageNeverAMessageOnAPage() {
        // something the page never offered the caller's role: answered as a GET refused by role is, 403
        assertThatThrownBy(() -> PageActions.run(redirect, "/t", "k", givenBack::incrementAndGet, () -> {
            throw new ForbiddenException("error.forbidden");
        })).as("the 403 page").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> PageActions.attempt(redirect, givenBack::incrementAndGet, () -> {
            throw new ForbiddenException("error.forbidden");
        })).isInstanceOf(ForbiddenException.class);
        assertThat(redirect.getFlashAttributes()).as("no message flashed").isEmpty();
        assertThat(givenBack).as("nothing given back to a page not shown").hasValue(0);
    }

    @Test
    void whatTheInputRulesRefusedIsFlashedAsTheActionsOwnRefusalAndTheActionNeverRuns() {
        RefusedInput refused = new RefusedInput(List.of(
                new FieldValidationException.FieldError("reason", "error.input.controlCharacter")));
        AtomicInteger ran = new AtomicInteger();

        String view = PageActions.run(redirect, "/things/1", "thing.done", refused, givenBack::incrementAndGet,
                ran::incrementAndGet);
        assertThat(view).isEqualTo("redirect:/things/1");
        assertThat(flash("flashError")).isEqualTo("error.input.controlCharacter");
        assertThat(givenBack).hasValue(1);
        PageActions.runNaming(redirect, "/things/1", "thing.done", refused, givenBack::incrementAndGet, () -> {
            ran.incrementAndGet();
            return "HT-1";
        });
        assertThat(PageActions.attempt(redirect, refused, givenBack::incrementAndGet, () -> ran.incrementAndGet()))
                .isEmpty();
        assertThat(ran).as("nothing refused reaches the module").hasValue(0);
        assertThat(givenBack).hasValue(3);

        PageActions.run(redirect, "/things/1", "thing.done", RefusedInput.NONE, givenBack::incrementAndGet,
                ran::incrementAndGet);
        assertThat(ran).as("nothing refused: the action runs").hasValue(1);
        assertThat(flash("flashSuccess")).isEqualTo("thing.done");
    }

    private Object flash(String name) {
        return redirect.getFlashAttributes().get(name);
    }
}
