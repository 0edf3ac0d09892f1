package com.lead2cash.confirmation.internal;

import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.platform.DataScope;
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
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the owning modules say of their subjects: how they read, where they live and who owns them now.
 * A confirmation is visible to whoever's data scope covers its subject's current owner.
 */
@Component
public class SubjectDirectory {

    private final Map<String, ConfirmationSubjects> byType;
    private final DataScope scope;

    SubjectDirectory(List<ConfirmationSubjects> subjects, DataScope scope) {
        this.byType = subjects.stream().collect(Collectors.toMap(ConfirmationSubjects::subjectType,
                Function.identity()));
        this.scope = scope;
    }

    Optional<ConfirmationSubjects.SubjectInfo> info(ConfirmationView view) {
        return Optional.ofNullable(byType.get(view.subject().type()))
                .map(s -> s.describe(List.of(view.subject().id())).get(view.subject().id()));
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
     * 404 unless the caller's scope covers the subject's owner; the confirmation as the caller sees it — the
     * recipient's e-mail address masked unless they stand above the owner (SPEC §1, {@code DataScope.personalData}).
     */
    ConfirmationView requireVisible(ConfirmationView view) {
        UUID owner = ownerOf(view);
        scope.requireVisible("Confirmation", view.id(), owner);
        return scope.personalData().covers(owner) ? view : view.withRecipientEmailMasked();
    }

    /** Of these confirmations, those {@link #requireVisible} lets the caller see. */
    Set<UUID> visible(Collection<ConfirmationView> views) {
        Scope reader = scope.current();
        Set<UUID> visible = new HashSet<>();
        ownersOf(views).forEach((id, owner) -> {
            if (reader.covers(owner)) {
                visible.add(id);
            }
        });
        return visible;
    }
}
