package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who sees a lead's phone and e-mail unmasked (个人信息脱敏): the owner and those above the owner
 * ({@link DataScope#personalData}), whoever captured the lead, and for unowned pool leads the managers, marketing
 * and sales assistants (and anyone above everyone). Everyone else sees them masked — nobody signed in included. The same
 * rule, once for a lead on screen and once as SQL, so search never matches digits the reader sees
 * masked.
 */
@Component
public class ContactVisibility {

    private final DataScope dataScope;

    ContactVisibility(DataScope dataScope) {
        this.dataScope = dataScope;
    }

    boolean seesContact(Lead lead) {
        Optional<CurrentUser> me = CurrentUser.get();
        if (me.isEmpty()) {
            return false;
        }
        if (me.get().id().equals(lead.capturedBy())) {
            return true;
        }
        Scope scope = dataScope.personalData();
        return lead.ownerId() == null ? seesPoolContacts(me.get(), scope) : scope.covers(lead.ownerId());
    }

    /**
     * The same rule as an SQL predicate on {@code lead_lead}'s columns, its parameters put into
     * {@code params}; false for nobody signed in.
     */
    String predicate(Map<String, Object> params) {
        Optional<CurrentUser> me = CurrentUser.get();
        if (me.isEmpty()) {
            return "false";
        }
        Scope scope = dataScope.personalData();
        params.put("contactReader", me.get().id());
        // its own parameter: the query's data scope may be wider (finance reads leads it may not read contacts of)
        String owned = "owner_id is not null";
        if (!scope.isAll()) {
            params.put("contactOwners", scope.owners());
            owned = "owner_id in (:contactOwners)";
        }
        return "(captured_by = :contactReader or (owner_id is null and " + seesPoolContacts(me.get(), scope)
                + ") or " + owned + ")";
    }

    private static boolean seesPoolContacts(CurrentUser me, Scope scope) {
        return scope.isAll() || me.hasAny(Role.SALES_MANAGER, Role.REGIONAL_MANAGER, Role.MARKETING, Role.SALES_ASSISTANT);
    }
}
