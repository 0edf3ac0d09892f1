package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.FieldSight;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who sees a lead's phone and e-mail unmasked (个人信息脱敏): the owner and those above the owner
 * ({@link DataScope#personalData}), whoever captured the lead, and for unowned pool leads the managers, marketing
 * and sales assistants (and anyone above everyone) — each through the roles an administrator left on the default rule
 * for the field ({@link FieldRules}). Everyone else sees them masked (or not at all, where a rule hides them) — nobody
 * signed in included. The same rule, once for a lead on screen and once as SQL, so search never matches digits the
 * reader sees masked.
 */
@Component
public class ContactVisibility {

    /** A lead's phone and e-mail as the reader sees them, and whether either is kept from them. */
    record Shown(String phone, String email, boolean masked) {
    }

    private final DataScope dataScope;
    private final FieldRules fieldRules;

    ContactVisibility(DataScope dataScope, FieldRules fieldRules) {
        this.dataScope = dataScope;
        this.fieldRules = fieldRules;
    }

    Shown shown(Lead lead) {
        boolean phoneWhole = seesWhole(lead, ProtectedField.LEAD_PHONE);
        boolean emailWhole = seesWhole(lead, ProtectedField.LEAD_EMAIL);
        FieldSight phone = fieldRules.sight(ProtectedField.LEAD_PHONE);
        FieldSight email = fieldRules.sight(ProtectedField.LEAD_EMAIL);
        return new Shown(phone.shown(lead.phone(), phoneWhole), email.shown(lead.email(), emailWhole),
                phone.withholds(lead.phone(), phoneWhole) || email.withholds(lead.email(), emailWhole));
    }

    /** The draft of an edit with the phone and e-mail it keeps ({@link FieldSight#kept}). */
    public LeadDraft kept(Lead lead, LeadDraft edited) {
        return edited.withContact(
                fieldRules.sight(ProtectedField.LEAD_PHONE).kept(lead.phone(), edited.phone(),
                        seesWhole(lead, ProtectedField.LEAD_PHONE)),
                fieldRules.sight(ProtectedField.LEAD_EMAIL).kept(lead.email(), edited.email(),
                        seesWhole(lead, ProtectedField.LEAD_EMAIL)));
    }

    boolean seesWhole(Lead lead, ProtectedField field) {
        Optional<CurrentUser> me = CurrentUser.get();
        if (me.isEmpty()) {
            return false;
        }
        FieldSight sight = fieldRules.sight(me.get(), field);
        if (!sight.anyDefault()) {
            return false;
        }
        if (me.get().id().equals(lead.capturedBy())) {
            return true;
        }
        Scope scope = dataScope.personalData(field);
        return lead.ownerId() == null ? seesPoolContacts(sight, scope) : scope.covers(lead.ownerId());
    }

    /**
     * The same rule for the phone number as an SQL predicate on {@code lead_lead}'s columns, its parameters put into
     * {@code params}; false for nobody signed in.
     */
    String phonePredicate(Map<String, Object> params) {
        Optional<CurrentUser> me = CurrentUser.get();
        if (me.isEmpty()) {
            return "false";
        }
        FieldSight sight = fieldRules.sight(me.get(), ProtectedField.LEAD_PHONE);
        if (!sight.anyDefault()) {
            return "false";
        }
        Scope scope = dataScope.personalData(ProtectedField.LEAD_PHONE);
        params.put("contactReader", me.get().id());
        // its own parameter: the query's data scope may be wider (finance reads leads it may not read contacts of)
        String owned = "owner_id is not null";
        if (!scope.isAll()) {
            params.put("contactOwners", scope.owners());
            owned = "owner_id in (:contactOwners)";
        }
        return "(captured_by = :contactReader or (owner_id is null and " + seesPoolContacts(sight, scope)
                + ") or " + owned + ")";
    }

    /** Pool leads: through a role that keeps the default rule and works the pool, or a scope over everyone. */
    private static boolean seesPoolContacts(FieldSight sight, Scope scope) {
        return scope.isAll() || sight.keepsDefault(Role.SALES_MANAGER) || sight.keepsDefault(Role.REGIONAL_MANAGER)
                || sight.keepsDefault(Role.MARKETING) || sight.keepsDefault(Role.SALES_ASSISTANT);
    }
}
