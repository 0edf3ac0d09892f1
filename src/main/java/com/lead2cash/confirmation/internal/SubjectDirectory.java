package com.lead2cash.confirmation.internal;

import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.PersonalData;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Scope;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the owning modules say of their subjects: how they read, where they live and who owns them now.
 * A confirmation is visible to whoever reads its subject: by default whoever's data scope covers the subject's
 * current owner.
 */
@Component
public class SubjectDirectory {

    private final Map<String, ConfirmationSubjects> byType;
    private final DataScope scope;
    private final FieldRules fieldRules;

    SubjectDirectory(List<ConfirmationSubjects> subjects, DataScope scope, FieldRules fieldRules) {
        this.byType = subjects.stream().collect(Collectors.toMap(ConfirmationSubjects::subjectType,
                Function.identity()));
        this.scope = scope;
        this.fieldRules = fieldRules;
    }

    Optional<ConfirmationSubjects.SubjectInfo> info(ConfirmationView view) {
        return Optional.ofNullable(byType.get(view.subject().type()))
                .map(s -> s.describe(List.of(view.subject().id())).get(view.subject().id()));
    }

    /** {@link ConfirmationSubjects#awaitsAnswer}: true for a type no module describes. */
    boolean awaitsAnswer(String type, String subjectId) {
        ConfirmationSubjects owner = byType.get(type);
        return owner == null || owner.awaitsAnswer(subjectId);
    }

    /** The subject's owner now, or the owner given when it was sent. */
    UUID ownerOf(ConfirmationView view) {
        return ownersOf(List.of(view)).get(view.id());
    }

    /** {@link #ownerOf} for several confirmations, by confirmation id: each type's subjects described at once. */
    private Map<UUID, UUID> ownersOf(Collection<ConfirmationView> views) {
        Map<UUID, UUID> owners = new HashMap<>();
        views.stream().collect(Collectors.groupingBy(v -> v.subject().type())).forEach((type, ofType) -> {
            ConfirmationSubjects describer = byType.get(type);
            Map<String, ConfirmationSubjects.SubjectInfo> infos = describer == null ? Map.of()
                    : describer.describe(ofType.stream().map(v -> v.subject().id()).distinct().toList());
            ofType.forEach(v -> owners.put(v.id(), Optional.ofNullable(infos.get(v.subject().id()))
                    .map(ConfirmationSubjects.SubjectInfo::ownerId).orElse(v.ownerId())));
        });
        return owners;
    }

    /**
     * 404 unless the caller reads the subject's owner's records of this kind ({@link ConfirmationSubjects#readableOwners}); the confirmation as the caller sees it
     * ({@link #asSeen}).
     */
    ConfirmationView requireVisible(ConfirmationView view) {
        UUID owner = ownerOf(view);
        if (!readableOwners(view.subject().type(), scope.current()).test(owner)) {
            throw new RecordNotFoundException("Confirmation", view.id());
        }
        return asSeen(view, owner);
    }

    /** Whose subjects of this type the reader reads: their scope, or what the owning module says of its records. */
    private Predicate<UUID> readableOwners(String type, Scope reader) {
        ConfirmationSubjects describer = byType.get(type);
        return describer == null ? reader::covers : describer.readableOwners(reader);
    }

    /**
     * The confirmation as the user on this thread sees it: the recipient's e-mail address is a contact's, read by
     * the contact's rule — whole for the owner and those above (SPEC §1; the subject's owner unless its module says
     * otherwise, {@link ConfirmationSubjects#readsRecipientWhole}), masked or hidden as the field rules say
     * ({@code ProtectedField.CONTACT_EMAIL}); masked for nobody signed in.
     */
    ConfirmationView asSeen(ConfirmationView view) {
        // sent by a background task: nobody reads it, and the subject's owner is not worth asking for
        return CurrentUser.get().isEmpty() ? view.withRecipientEmail(PersonalData.mask(view.recipientEmail()))
                : asSeen(view, ownerOf(view));
    }

    private ConfirmationView asSeen(ConfirmationView view, UUID owner) {
        boolean byOwner = scope.personalData(ProtectedField.CONTACT_EMAIL).covers(owner);
        ConfirmationSubjects describer = byType.get(view.subject().type());
        boolean whole = describer == null ? byOwner : describer.readsRecipientWhole(view, byOwner);
        return view.withRecipientEmail(fieldRules.sight(ProtectedField.CONTACT_EMAIL).shown(view.recipientEmail(), whole));
    }

    /** Of these confirmations, those {@link #requireVisible} lets the caller see. */
    Set<UUID> visible(Collection<ConfirmationView> views) {
        Scope reader = scope.current();
        Map<String, Predicate<UUID>> readable = new HashMap<>();
        Map<UUID, UUID> owners = ownersOf(views);
        Set<UUID> visible = new HashSet<>();
        for (ConfirmationView view : views) {
            if (readable.computeIfAbsent(view.subject().type(), type -> readableOwners(type, reader))
                    .test(owners.get(view.id()))) {
                visible.add(view.id());
            }
        }
        return visible;
    }
}
