package com.lead2cash.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadTest;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
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
            public Scope personalData() {
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
        ContactVisibility visibility = new ContactVisibility(NO_SCOPE);

        assertThat(visibility.seesContact(pool)).isFalse();
        assertThat(visibility.seesContact(owned)).isFalse();
        Map<String, Object> params = new HashMap<>();
        assertThat(visibility.predicate(params)).isEqualTo("false");
        assertThat(params).isEmpty();
    }

    @Test
    void financeReadsLeadsButNotTheirContactsAndSearchesNoneOfTheirPhones() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new SignedIn(new CurrentUser(REP, "finance", "Finance", null, Set.of(Role.FINANCE))), null));
        ContactVisibility visibility = new ContactVisibility(finance(REP));

        assertThat(visibility.seesContact(LeadTest.assigned(com.lead2cash.lead.Grade.B))).isFalse();
        assertThat(visibility.seesContact(LeadTest.pool(com.lead2cash.lead.Grade.B))).isFalse();
        Map<String, Object> params = new HashMap<>();
        assertThat(visibility.predicate(params))
                .isEqualTo("(captured_by = :contactReader or (owner_id is null and false) or owner_id in (:contactOwners))");
        assertThat(params).containsEntry("contactOwners", Set.of(REP)).doesNotContainKey(Scope.OWNERS_PARAM);
    }

    @Test
    void aRepSeesTheirOwnLeadsContactButNotThePoolsNorAnotherRepsOne() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new SignedIn(new CurrentUser(LeadTest.OWNER, "rep", "Rep", null, Set.of(Role.SALES_REP))), null));
        ContactVisibility visibility = new ContactVisibility(self(LeadTest.OWNER));

        assertThat(visibility.seesContact(LeadTest.assigned(com.lead2cash.lead.Grade.B))).isTrue();
        assertThat(visibility.seesContact(LeadTest.pool(com.lead2cash.lead.Grade.B))).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new SignedIn(new CurrentUser(REP, "other", "Other", null, Set.of(Role.SALES_REP))), null));
        assertThat(new ContactVisibility(self(REP)).seesContact(LeadTest.assigned(com.lead2cash.lead.Grade.B)))
                .isFalse();
    }
}
