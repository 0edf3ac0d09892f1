package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.HandedOnWork;
import com.lead2cash.platform.HeldRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a deactivation changed, in the administrator's words (docs/decisions/0073): each approval task handed on and to
 * whom, each delegation it ended (0085), each unit that still names the person as its head, and each role nobody active
 * holds now while work waits on its holders (0074: approval tasks; 0099: the general queue's leads) — as a role taken
 * from a person who stays active, or a headship given up, may leave too. Said on the users screen
 * and in the API's answer; and the open records they still own, which stay theirs until their manager — told of them —
 * hands them over (0095).
 */
@Component
class DeactivationNotes {

    private final IdentityService identity;
    private final MessageSource messages;

    DeactivationNotes(IdentityService identity, MessageSource messages) {
        this.identity = identity;
        this.messages = messages;
    }

    /** One sentence a change, in the reader's language; empty when the deactivation changed nothing else. */
    List<String> of(IdentityService.Deactivation deactivation) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> notes = new ArrayList<>(of(deactivation.handedOn()));
        deactivation.stillHeads().forEach(unit -> notes.add(
                messages.getMessage("users.deactivated.stillHead", new Object[] {unit.name()}, locale)));
        deactivation.unheldRoles().forEach(w -> notes.add(unheld(w, locale)));
        if (!deactivation.stillHolds().isEmpty()) {
            String held = deactivation.stillHolds().stream().map(h -> held(h, locale))
                    .reduce((a, b) -> messages.getMessage("users.stillHolds.and", new Object[] {a, b}, locale))
                    .orElseThrow();
            notes.add(deactivation.stillHoldsToldTo() == null
                    ? messages.getMessage("users.deactivated.stillHoldsNobodyTold", new Object[] {held}, locale)
                    : messages.getMessage("users.deactivated.stillHolds", new Object[] {held, identity
                            .findUser(deactivation.stillHoldsToldTo()).map(User::displayName)
                            .orElse(deactivation.stillHoldsToldTo().toString())}, locale));
        }
        return notes;
    }

    /**
     * The open records a deactivation left with the person (0095), each as a link to its list of that owner — its text
     * how many, in the reader's language —, as {@code [text, link]} pairs; a kind with no list is left out.
     */
    List<List<String>> links(IdentityService.Deactivation deactivation) {
        Locale locale = LocaleContextHolder.getLocale();
        return deactivation.stillHolds().stream().filter(h -> h.link() != null)
                .map(h -> List.of(held(h, locale), h.link())).toList();
    }

    /** "3 open leads": how many of a kind, in the reader's language. */
    String held(HeldRecords.Held held, Locale locale) {
        return messages.getMessage("users.stillHolds." + held.kind(), new Object[] {held.count()}, locale);
    }

    /**
     * One sentence for each piece of work handed on — by a deactivation, or by a change of roles or unit the work no
     * longer fits (0092) —, in the reader's language.
     */
    List<String> of(List<HandedOnWork.Handover> handedOn) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> notes = new ArrayList<>();
        handedOn.forEach(h -> {
            if (HandedOnWork.DELEGATION_TO_THEM_ENDED.equals(h.kind())
                    || HandedOnWork.DELEGATION_BY_THEM_ENDED.equals(h.kind())) {
                String other = identity.findUser(h.toUserId()).map(User::displayName).orElse(h.toUserId().toString());
                notes.add(messages.getMessage(HandedOnWork.DELEGATION_TO_THEM_ENDED.equals(h.kind())
                                ? "users.deactivated.delegationToThemEnded" : "users.deactivated.delegationByThemEnded",
                        new Object[] {other, h.recordName()}, locale));
                return;
            }
            String to = h.toUserId() != null
                    ? identity.findUser(h.toUserId()).map(User::displayName).orElse(h.toUserId().toString())
                    : messages.getMessage("users.deactivated.anyHolder",
                            new Object[] {messages.getMessage("role." + h.toRole().name(), null, locale)}, locale);
            notes.add(messages.getMessage(HandedOnWork.SUBMITTED_APPROVAL_TASK.equals(h.kind())
                    ? "users.handedOn.submittedTaskMoved" : "users.deactivated.taskMoved",
                    new Object[] {h.recordName(), to}, locale));
        });
        return notes;
    }

    /** The roles taking them left with no active holder while work waits on them (0074), one sentence a role. */
    List<String> of(IdentityService.RolesTaken taken) {
        Locale locale = LocaleContextHolder.getLocale();
        return taken.unheldRoles().stream().map(w -> unheld(w, locale)).toList();
    }

    /**
     * The units and territories a move out of their unit, or the loss of their last managing role, took from the person
     * (0093), one sentence each kind: nobody heads or manages them until an administrator appoints another.
     */
    List<String> of(IdentityService.HeadshipsGivenUp givenUp) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> notes = new ArrayList<>();
        if (!givenUp.units().isEmpty()) {
            notes.add(messages.getMessage(givenUp.roleTaken() ? "users.headships.unitsGivenUpWithRole"
                            : "users.headships.unitsGivenUp",
                    new Object[] {com.lead2cash.platform.ListText.of(givenUp.units())}, locale));
        }
        if (!givenUp.territories().isEmpty()) {
            notes.add(messages.getMessage(givenUp.roleTaken() ? "users.headships.territoriesGivenUpWithRole"
                            : "users.headships.territoriesGivenUp",
                    new Object[] {com.lead2cash.platform.ListText.of(givenUp.territories())}, locale));
        }
        // what was given up waits on a role nobody active holds (0099: the general queue, with no sales director)
        givenUp.unheldRoles().forEach(w -> notes.add(unheld(w, locale)));
        return notes;
    }

    /**
     * A role nobody active holds while work waits on it: the approval tasks of its pool (0074), or the general queue's
     * leads (0099).
     */
    private String unheld(HandedOnWork.Waiting waiting, Locale locale) {
        return messages.getMessage(HandedOnWork.GENERAL_QUEUE_LEAD.equals(waiting.kind())
                ? "users.deactivated.unheldRoleLeads" : "users.deactivated.unheldRole", new Object[] {
                messages.getMessage("role." + waiting.role().name(), null, locale), waiting.count()}, locale);
    }
}
