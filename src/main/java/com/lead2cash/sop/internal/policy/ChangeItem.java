package com.lead2cash.sop.internal.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** One value of a proposed policy change as the API takes it: a change and its 90-day replay post the same items. */
public record ChangeItem(@NotBlank String rule, @NotBlank String parameter, @NotNull String value) {

    public static List<PolicyService.Change> changes(List<ChangeItem> items) {
        return items.stream().map(c -> new PolicyService.Change(c.rule(), c.parameter(), c.value())).toList();
    }
}
