package com.lead2cash.customer.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.LifecycleBucket;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.RefusalText;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §4 — the customer lifecycle: every transition from every status, allowed or refused. */
class CustomerLifecycleTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final UUID OWNER = UUID.randomUUID();

    /** The transitions by name, and the one status each starts from. */
    static final Map<String, BiConsumer<Customer, Instant>> TRANSITIONS = Map.of(
            "firstContactMade", Customer::firstContactMade,
            "needsConfirmed", Customer::needsConfirmed,
            "becameOpportunity", Customer::becameOpportunity,
            "signed", Customer::signed,
            "delivered", Customer::delivered,
            "activated", Customer::activated,
            "lost", (c, at) -> c.lost("竞争对手中标", at, List.of()),
            "wonBack", Customer::wonBack);

    static final Map<String, Set<CustomerStatus>> ALLOWED_FROM = Map.of(
            "firstContactMade", EnumSet.of(CustomerStatus.PROSPECT),
            "needsConfirmed", EnumSet.of(CustomerStatus.INITIAL_CONTACT),
            "becameOpportunity", EnumSet.of(CustomerStatus.NEEDS_CONFIRMED),
            "signed", EnumSet.of(CustomerStatus.OPPORTUNITY),
            "delivered", EnumSet.of(CustomerStatus.SIGNED),
            "activated", EnumSet.of(CustomerStatus.DELIVERED),
            "lost", EnumSet.complementOf(EnumSet.of(CustomerStatus.LOST)),
            "wonBack", EnumSet.of(CustomerStatus.LOST));

    static final Map<String, CustomerStatus> TARGET = Map.of(
            "firstContactMade", CustomerStatus.INITIAL_CONTACT, "needsConfirmed", CustomerStatus.NEEDS_CONFIRMED,
            "becameOpportunity", CustomerStatus.OPPORTUNITY, "signed", CustomerStatus.SIGNED,
            "delivered", CustomerStatus.DELIVERED, "activated", CustomerStatus.ACTIVE, "lost", CustomerStatus.LOST,
            "wonBack", CustomerStatus.INITIAL_CONTACT);

    static Customer at(CustomerStatus status) {
        Customer c = Customer.register("C-2026-000001", CustomerProfile.validated("测试公司", null, null, null, null,
                        null, null, null, null), null, CustomerGrade.B, null, null, CustomerStatus.PROSPECT, OWNER,
                OWNER, NOW);
        if (status == CustomerStatus.LOST) {
            c.lost("没有预算", NOW, List.of());
        } else if (status != CustomerStatus.PROSPECT) {
            c.reached(status, NOW);
        }
        return c;
    }

    static Stream<Arguments> everyTransitionFromEveryStatus() {
        return TRANSITIONS.keySet().stream().sorted()
                .flatMap(t -> Stream.of(CustomerStatus.values()).map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyTransitionFromEveryStatus")
    void aTransitionIsAllowedFromItsOneStatusAndRefusedFromEveryOther(String transition, CustomerStatus from) {
        Customer c = at(from);
        BiConsumer<Customer, Instant> step = TRANSITIONS.get(transition);
        if (ALLOWED_FROM.get(transition).contains(from)) {
            step.accept(c, NOW.plusSeconds(60));
            assertThat(c.status()).isEqualTo(TARGET.get(transition));
            assertThat(c.statusChangedAt()).isEqualTo(NOW.plusSeconds(60));
        } else {
            assertThatThrownBy(() -> step.accept(c, NOW.plusSeconds(60))).isInstanceOf(DomainException.class);
            assertThat(c.status()).isEqualTo(from);
        }
    }

    @Test
    void advanceTakesTheNextStepOfTheSequenceAndStopsAtActive() {
        Customer c = at(CustomerStatus.PROSPECT);
        CustomerStatus[] expected = {CustomerStatus.INITIAL_CONTACT, CustomerStatus.NEEDS_CONFIRMED,
                CustomerStatus.OPPORTUNITY, CustomerStatus.SIGNED, CustomerStatus.DELIVERED, CustomerStatus.ACTIVE};
        for (CustomerStatus next : expected) {
            c.advance(NOW);
            assertThat(c.status()).isEqualTo(next);
        }
        assertThatThrownBy(() -> c.advance(NOW)).isInstanceOf(DomainException.class)
                .hasMessage("customer.status.noNext")
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the status in words, not its code")
                            .contains("“Active”").doesNotContain("ACTIVE");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("“合作中”").doesNotContain("ACTIVE");
                });
        assertThatThrownBy(() -> at(CustomerStatus.LOST).advance(NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void aLostCustomerNeedsAReason() {
        Customer c = at(CustomerStatus.OPPORTUNITY);
        assertThatThrownBy(() -> c.lost(" ", NOW, List.of())).isInstanceOf(DomainException.class)
                .hasMessage("error.validation");
        assertThat(c.status()).isEqualTo(CustomerStatus.OPPORTUNITY);
        c.lost("客户预算取消", NOW, List.of());
        assertThat(c.lostReason()).isEqualTo("客户预算取消");
    }

    @Test
    void aMilestoneProvenElsewhereMovesForwardOverStepsButNeverBackNorOutOfLost() {
        Customer c = at(CustomerStatus.INITIAL_CONTACT);
        assertThat(c.reached(CustomerStatus.SIGNED, NOW)).isTrue();
        assertThat(c.status()).isEqualTo(CustomerStatus.SIGNED);
        assertThat(c.reached(CustomerStatus.NEEDS_CONFIRMED, NOW)).isFalse();
        assertThat(c.status()).isEqualTo(CustomerStatus.SIGNED);
        Customer lost = at(CustomerStatus.LOST);
        assertThat(lost.reached(CustomerStatus.ACTIVE, NOW)).isFalse();
        assertThat(lost.status()).isEqualTo(CustomerStatus.LOST);
    }

    @Test
    void everyStatusFallsIntoItsLifecycleBucket() {
        assertThat(EnumSet.allOf(CustomerStatus.class)).allSatisfy(s -> assertThat(at(s).bucket()).isEqualTo(switch (s) {
            case PROSPECT, INITIAL_CONTACT, NEEDS_CONFIRMED, OPPORTUNITY -> LifecycleBucket.POTENTIAL;
            case SIGNED, DELIVERED -> LifecycleBucket.NEW;
            case ACTIVE -> LifecycleBucket.MATURE;
            case LOST -> LifecycleBucket.LOST;
        }));
    }

    @Test
    void aMergedCustomerRefusesEveryChangeAndOffersNothing() {
        Customer c = at(CustomerStatus.INITIAL_CONTACT);
        c.mergeInto(UUID.randomUUID(), NOW);
        assertThatThrownBy(() -> c.needsConfirmed(NOW)).isInstanceOf(DomainException.class)
                .hasMessage("customer.merged");
        assertThat(c.availableActions(new CustomerActor(OWNER, Set.of(Role.SALES_DIRECTOR), true))).isEmpty();
    }

    @Test
    void theCustomerSaysWhatEachActorMayDoNext() {
        Customer owned = at(CustomerStatus.INITIAL_CONTACT);
        CustomerActor owner = new CustomerActor(OWNER, Set.of(Role.SALES_REP), true);
        CustomerActor manager = new CustomerActor(UUID.randomUUID(), Set.of(Role.REGIONAL_MANAGER), true);
        CustomerActor otherRep = new CustomerActor(UUID.randomUUID(), Set.of(Role.SALES_REP), false);
        CustomerActor finance = new CustomerActor(UUID.randomUUID(), Set.of(Role.FINANCE), true);
        assertThat(owned.availableActions(owner)).contains(CustomerAction.LOG_ACTIVITY, CustomerAction.ADVANCE,
                CustomerAction.MARK_LOST, CustomerAction.RELEASE_TO_POOL, CustomerAction.CHANGE_PURSUIT_MODE)
                .doesNotContain(CustomerAction.TRANSFER, CustomerAction.MERGE, CustomerAction.CLAIM, CustomerAction.WIN_BACK);
        assertThat(owned.availableActions(manager)).contains(CustomerAction.TRANSFER, CustomerAction.MERGE);
        assertThat(owned.availableActions(otherRep)).isEmpty();
        assertThat(owned.availableActions(finance)).containsExactly(CustomerAction.CHANGE_CREDIT);

        Customer signed = at(CustomerStatus.SIGNED);
        assertThat(signed.availableActions(owner)).doesNotContain(CustomerAction.RELEASE_TO_POOL,
                CustomerAction.CHANGE_PURSUIT_MODE);
        assertThat(at(CustomerStatus.LOST).availableActions(owner)).contains(CustomerAction.WIN_BACK)
                .doesNotContain(CustomerAction.MARK_LOST, CustomerAction.ADVANCE);

        Customer pooled = at(CustomerStatus.INITIAL_CONTACT);
        pooled.returnToPool(NOW, List.of());
        assertThat(pooled.availableActions(otherRep)).containsExactly(CustomerAction.CLAIM);
        assertThat(pooled.availableActions(manager)).containsExactlyInAnyOrder(CustomerAction.TRANSFER, CustomerAction.MERGE);
        assertThatThrownBy(() -> pooled.requireAction(otherRep, CustomerAction.LOG_ACTIVITY))
                .isInstanceOf(DomainException.class).hasMessage("customer.pool.claimFirst");
        // the role refuses (403) what someone else could do; the state refuses (422) what nobody can
        assertThatThrownBy(() -> owned.requireAction(owner, CustomerAction.TRANSFER))
                .isInstanceOf(com.lead2cash.platform.ForbiddenException.class);
        assertThatThrownBy(() -> owned.requireAction(owner, CustomerAction.WIN_BACK))
                .isInstanceOf(DomainException.class).isNotInstanceOf(com.lead2cash.platform.ForbiddenException.class);
    }
}
