package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a field reads and what an edit keeps of it, by the reader's sight of it. */
class FieldSightTest {

    static final FieldSight DEFAULT = new FieldSight(ProtectedField.CONTACT_PHONE, Set.of(Role.SALES_REP), false);
    static final FieldSight MASKED = new FieldSight(ProtectedField.CONTACT_PHONE, Set.of(), false);
    static final FieldSight HIDDEN = new FieldSight(ProtectedField.CONTACT_PHONE, Set.of(), true);

    @Test
    void shownWholeOnlyThroughARoleOnTheDefaultRuleMaskedOtherwiseAndNotAtAllWhenHidden() {
        assertThat(DEFAULT.shown("13912345678", true)).isEqualTo("13912345678");
        assertThat(DEFAULT.shown("13912345678", false)).isEqualTo("139****5678");
        assertThat(MASKED.shown("13912345678", true)).as("no role keeps the default").isEqualTo("139****5678");
        assertThat(HIDDEN.shown("13912345678", true)).isNull();
    }

    @Test
    void aWeChatIdIsMaskedByItsLengthLeavingAtMostAQuarterOfItVisibleWhilePhonesAndEmailsKeepTheirMasks() {
        FieldSight wechat = new FieldSight(ProtectedField.CONTACT_WECHAT, Set.of(), false);
        assertThat(wechat.shown("wangzong", true)).isEqualTo("w****g");
        assertThat(wechat.shown("sunwx2026", true)).isEqualTo("s****6");
        assertThat(wechat.shown("abc", true)).isEqualTo("****");
        assertThat(wechat.shown("wxid_k2l9q8z7m6n5", true)).isEqualTo("wx****n5");
        assertThat(wechat.shown("13912345678", true)).as("a WeChat id that is a phone number is still an id")
                .isEqualTo("1****8");
        assertThat(wechat.shown("😀😀😀😀😀😀😀😀", true)).as("counted in characters: no emoji cut in half")
                .isEqualTo("😀****😀");
        assertThat(wechat.kept("wangzong", "w****g", true)).as("the mask sent back keeps the id").isEqualTo("wangzong");
        assertThat(MASKED.shown("13912345678", true)).isEqualTo("139****5678");
        assertThat(new FieldSight(ProtectedField.CONTACT_EMAIL, Set.of(), false).shown("sun@example.com", true))
                .isEqualTo("s***@example.com");
    }

    @Test
    void anEditKeepsTheStoredValueWhereTheReaderSendsBackWhatTheyWereShown() {
        assertThat(DEFAULT.kept("13912345678", "", true)).as("seen whole: the edit stands").isEmpty();
        assertThat(DEFAULT.kept("13912345678", "139****5678", false)).isEqualTo("13912345678");
        assertThat(MASKED.kept("13912345678", " 139****5678 ", true)).isEqualTo("13912345678");
        assertThat(MASKED.kept("13912345678", "13800000000", true)).isEqualTo("13800000000");
        assertThat(MASKED.kept("13912345678", null, true)).as("a masked value cleared on purpose").isNull();
        assertThat(HIDDEN.kept("13912345678", null, true)).isEqualTo("13912345678");
        assertThat(HIDDEN.kept("13912345678", "  ", true)).isEqualTo("13912345678");
        assertThat(HIDDEN.kept("13912345678", "13800000000", true)).isEqualTo("13800000000");
        assertThat(HIDDEN.kept(null, null, true)).isNull();
    }

    @Test
    void anEditedMaskIsRefusedOnItsFieldWhileTheMaskAsShownKeepsTheValueAndAReaderWhoSeesItWholeWritesWhatTheyType() {
        FieldSight email = new FieldSight(ProtectedField.CONTACT_EMAIL, Set.of(), false);
        assertThat(email.kept("john@example.com", "j***@example.com", true)).isEqualTo("john@example.com");
        for (var edit : java.util.List.of(
                java.util.Map.entry(email, "j***@example.org"),
                java.util.Map.entry(MASKED, "139****5679"),
                java.util.Map.entry(new FieldSight(ProtectedField.LEAD_EMAIL, Set.of(), false), "jo***@example.com"),
                java.util.Map.entry(new FieldSight(ProtectedField.CONTACT_WECHAT, Set.of(), false), "wx****n6"),
                java.util.Map.entry(HIDDEN, "***"))) {
            String stored = edit.getKey().field() == ProtectedField.CONTACT_WECHAT ? "wxid_k2l9q8z7m6n5"
                    : edit.getKey().field().name().endsWith("EMAIL") ? "john@example.com" : "13912345678";
            assertThatThrownBy(() -> edit.getKey().kept(stored, edit.getValue(), true)).as(edit.toString())
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldValidationException.FieldError(edit.getKey().field().inputName(),
                                    "fieldRules.error.maskEdited")));
        }
        assertThat(new FieldSight(ProtectedField.CONTACT_EMAIL, Set.of(Role.SALES_REP), false)
                .kept("john@example.com", "j***@example.org", true)).as("seen whole: what is typed stands")
                .isEqualTo("j***@example.org");
        assertThat(email.kept("john@example.com", "joan@example.org", true)).isEqualTo("joan@example.org");
    }
}
