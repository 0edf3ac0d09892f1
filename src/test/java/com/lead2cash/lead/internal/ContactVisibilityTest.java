package com.lead2cash.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadTest;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldAccess;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import com.lead2cash.testing.FixedFieldRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Masking fails closed: without a signed-in person every phone and e-mail is masked, and search matches none. */
class ContactVisibilityTest {

    static final UUID REP = new UUID(0, 7);

    record SignedIn(CurrentUser currentUser) implements CurrentUser.HasCurrentUser {
    }

    /** A data scope: {@code current} for the records, {@code personal} for their contacts' personal data. */
    static DataScope scopes(java.util.function.Supplier<Scope> current, java.util.function.Supplier<Scope> personal) {
        return new DataScope() {
            @Override
            public Scope current() {
                return current.get();
            }

            @Override
            public Scope of(CurrentUser user) {
                return current();
            }

            @Override
            public Scope teamOf(CurrentUser user) {
                return current();
            }

            @Override
            public java.util.List<java.util.UUID> teamUnits(CurrentUser user) {
                return java.util.List.of();
            }

            @Override
            public Scope personalData(ProtectedField field) {
                return personal.get();
            }
        };
    }

    /** A data scope that must not be asked when nobody is signed in. */
    static final DataScope NO_SCOPE = scopes(ContactVisibilityTest::noScope, ContactVisibilityTest::noScope);

    private static Scope noScope() {
        throw new IllegalStateException("data scope asked for without an authenticated user");
    }

    static DataScope self(UUID me) {
        return scopes(() -> new Scope(ScopeKind.SELF, me, Set.of(me)), () -> new Scope(ScopeKind.SELF, me, Set.of(me)));
    }

    /** Finance's scopes: every record, the personal data of none but its own (it owns none). */
    static DataScope finance(UUID me) {
        return scopes(() -> new Scope(ScopeKind.ALL, me, null), () -> new Scope(ScopeKind.SELF, me, Set.of(me)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void nobodySignedInSeesNoContactAndSearchesNone() {
        Lead pool = LeadTest.pool(com.lead2cash.lead.Grade.B);
        Lead owned = LeadTest.assigned(com.lead2cash.lead.Grade.B);
        ContactVisibility visibility = new ContactVisibility(NO_SCOPE, FixedFieldRules.DEFAULTS);

        assertThat(visibility.seesWhole(pool, ProtectedField.LEAD_PHONE)).isFalse();
        assertThat(visibility.seesWhole(owned, ProtectedField.LEAD_EMAIL)).isFalse();
        Map<String, Object> params = new HashMap<>();
        assertThat(visibility.phonePredicate(params)).isEqualTo("false");
        assertThat(params).isEmpty();
    }

    @Test
    void financeReadsLeadsButNotTheirContactsAndSearchesNoneOfTheirPhones() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new SignedIn(new CurrentUser(REP, "finance", "Finance", null, Set.of(Role.FINANCE))), null));
        ContactVisibility visibility = new ContactVisibility(finance(REP), FixedFieldRules.DEFAULTS);

        assertThat(visibility.seesWhole(LeadTest.assigned(com.lead2cash.lead.Grade.B), ProtectedField.LEAD_PHONE)).isFalse();
        assertThat(visibility.seesWhole(LeadTest.pool(com.lead2cash.lead.Grade.B), ProtectedField.LEAD_PHONE)).isFalse();
        Map<String, Object> params = new HashMap<>();
        assertThat(visibility.phonePredicate(params))
                .isEqualTo("(captured_by = :contactReader or (owner_id is null and false) or owner_id in (:contactOwners))");
        assertThat(params).containsEntry("contactOwners", Set.of(REP)).doesNotContainKey(Scope.OWNERS_PARAM);
    }

    @Test
    void aRepSeesTheirOwnLeadsContactButNotThePoolsNorAnotherRepsOne() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new SignedIn(new CurrentUser(LeadTest.OWNER, "rep", "Rep", null, Set.of(Role.SALES_REP))), null));
        ContactVisibility visibility = new ContactVisibility(self(LeadTest.OWNER), FixedFieldRules.DEFAULTS);

        assertThat(visibility.seesWhole(LeadTest.assigned(com.lead2cash.lead.Grade.B), ProtectedField.LEAD_PHONE)).isTrue();
        assertThat(visibility.seesWhole(LeadTest.pool(com.lead2cash.lead.Grade.B), ProtectedField.LEAD_PHONE)).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new SignedIn(new CurrentUser(REP, "other", "Other", null, Set.of(Role.SALES_REP))), null));
        assertThat(new ContactVisibility(self(REP), FixedFieldRules.DEFAULTS).seesWhole(LeadTest.assigned(com.lead2cash.lead.Grade.B), ProtectedField.LEAD_PHONE))
                .isFalse();
    }

    @Test
    void aRuleMaskingOrHidingAFieldForTheRoleKeepsItFromTheOwnerTooAndFromSearch() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new SignedIn(new CurrentUser(LeadTest.OWNER, "rep", "Rep", null, Set.of(Role.SALES_REP))), null));
        Lead own = LeadTest.assigned(com.lead2cash.lead.Grade.B);

        ContactVisibility masked = new ContactVisibility(self(LeadTest.OWNER),
                FixedFieldRules.of(Role.SALES_REP, ProtectedField.LEAD_PHONE, FieldAccess.MASKED));
        assertThat(masked.seesWhole(own, ProtectedField.LEAD_PHONE)).isFalse();
        assertThat(masked.seesWhole(own, ProtectedField.LEAD_EMAIL)).as("another field keeps the default").isTrue();
        ContactVisibility.Shown shown = masked.shown(own);
        assertThat(shown.phone()).isEqualTo(com.lead2cash.platform.PersonalData.mask(own.phone())).isNotEqualTo(own.phone());
        assertThat(shown.email()).isEqualTo(own.email());
        assertThat(shown.masked()).isTrue();
        Map<String, Object> params = new HashMap<>();
        assertThat(masked.phonePredicate(params)).isEqualTo("false");

        ContactVisibility hidden = new ContactVisibility(self(LeadTest.OWNER),
                FixedFieldRules.of(Role.SALES_REP, ProtectedField.LEAD_EMAIL, FieldAccess.HIDDEN));
        assertThat(hidden.shown(own).email()).isNull();
        assertThat(hidden.shown(own).phone()).isEqualTo(own.phone());

        // a second role on the default rule reads the field as that role allows
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new SignedIn(new CurrentUser(
                LeadTest.OWNER, "rep", "Rep", null, Set.of(Role.SALES_REP, Role.ACCOUNT_MANAGER))), null));
        assertThat(masked.seesWhole(own, ProtectedField.LEAD_PHONE)).isTrue();
    }
}
