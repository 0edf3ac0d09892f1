package com.lead2cash.aftersales.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.testing.RefusalText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandoverLifecycleTest {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    final UUID rep = UUID.randomUUID();
    final UUID service = UUID.randomUUID();
    final UUID contact = UUID.randomUUID();
    final Handover.Actor repActor = new Handover.Actor(rep, true);
    final Handover.Actor serviceActor = new Handover.Actor(service, false);
    final Handover.Actor stranger = new Handover.Actor(UUID.randomUUID(), false);

    Handover open() {
        return Handover.open("HO-2026-000001", UUID.randomUUID(), "HT-2026-000001", UUID.randomUUID(), "杭州甲方科技有限公司",
                rep, T0);
    }

    static Handover.Checklist complete() {
        return new Handover.Checklist("制造业客户，首期 10 台网关", "7×24 电话支持，季度巡检", "免费延保一年（谈判中承诺）",
                "王经理 13800000000", "无", "合同、验收标准");
    }

    @Test
    void H1_theRepWritesTheChecklistAndHandsOverThenTheAfterSalesOwnerAccepts() {
        Handover h = open();
        assertThat(h.availableActions(repActor)).containsExactlyInAnyOrder(Handover.Action.EDIT_CHECKLIST,
                Handover.Action.HAND_OVER);
        assertThat(h.availableActions(serviceActor)).isEmpty();
        h.writeChecklist(complete(), repActor);
        h.handOver(service, List.of(contact), repActor, T0.plusSeconds(60));
        assertThat(h.status()).isEqualTo(HandoverStatus.SUBMITTED);
        assertThat(h.contactIds()).as("the customer's contacts go along").containsExactly(contact);
        assertThat(h.availableActions(repActor)).isEmpty();
        assertThat(h.availableActions(serviceActor)).containsExactlyInAnyOrder(Handover.Action.ACCEPT,
                Handover.Action.RETURN);
        assertThatThrownBy(() -> h.accept(stranger, T0)).as("not its owner: 403").isInstanceOf(ForbiddenException.class);
        h.accept(serviceActor, T0.plusSeconds(120));
        assertThat(h.status()).isEqualTo(HandoverStatus.ACCEPTED);
        assertThat(h.acceptedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(h.availableActions(serviceActor)).isEmpty();
        assertThatThrownBy(() -> h.returnWithQuestions("?", serviceActor, T0)).as("accepted already: 422")
                .isInstanceOf(DomainException.class).isNotInstanceOf(ForbiddenException.class)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the status in words, not its code")
                            .contains("“Accepted”").doesNotContain("ACCEPTED");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("“已接收”").doesNotContain("ACCEPTED");
                });
    }

    @Test
    void H1_aReturnedHandoverGoesBackToTheRepWithTheQuestionsAndIsHandedOverAgain() {
        Handover h = open();
        h.writeChecklist(complete(), repActor);
        h.handOver(service, List.of(), repActor, T0);
        assertThatThrownBy(() -> h.returnWithQuestions("  ", serviceActor, T0))
                .isInstanceOf(FieldValidationException.class);
        assertThat(h.status()).isEqualTo(HandoverStatus.SUBMITTED);
        h.returnWithQuestions("延保是否含上门服务？", serviceActor, T0.plusSeconds(60));
        assertThat(h.status()).isEqualTo(HandoverStatus.RETURNED);
        assertThat(h.returnQuestions()).isEqualTo("延保是否含上门服务？");
        assertThat(h.returnCount()).isEqualTo(1);
        assertThat(h.availableActions(repActor)).contains(Handover.Action.HAND_OVER);
        h.writeChecklist(new Handover.Checklist("制造业客户", "7×24 电话支持", "免费延保一年，含上门服务", "王经理", null, null),
                repActor);
        h.handOver(service, List.of(), repActor, T0.plusSeconds(120));
        assertThat(h.status()).isEqualTo(HandoverStatus.SUBMITTED);
    }

    @Test
    void H1_handingOverNeedsBackgroundServiceNeedsSpecialAgreementsKeyContactsAndAnOwner() {
        Handover h = open();
        h.writeChecklist(new Handover.Checklist("背景", null, "", null, null, null), repActor);
        assertThatThrownBy(() -> h.handOver(null, List.of(), repActor, T0))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("serviceNeeds", "specialAgreements", "keyContacts", "serviceOwnerId"));
        assertThat(h.status()).isEqualTo(HandoverStatus.OPEN);
    }

    @Test
    void H1_onlyTheRepsSideWritesTheChecklistAndControlCharactersAreRefused() {
        Handover h = open();
        assertThatThrownBy(() -> h.writeChecklist(complete(), stranger)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> h.writeChecklist(new Handover.Checklist("a\u0000b", null, null, null, null, null), repActor))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("error.input.controlCharacter"));
    }
}
