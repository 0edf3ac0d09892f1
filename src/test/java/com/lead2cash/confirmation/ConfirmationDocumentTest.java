package com.lead2cash.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form of a confirmation document: what is hashed must not depend on how the text was typed. */
class ConfirmationDocumentTest {

    @Test
    void theCanonicalFormIsCompactJsonInAFixedOrder() {
        ConfirmationDocument doc = new ConfirmationDocument("报告", List.of(
                new ConfirmationDocument.Paragraph("背景", "第一行\n第二行"),
                new ConfirmationDocument.Items("痛点", List.of("a", "b"), true),
                new ConfirmationDocument.Table("", List.of("姓名"), List.of(List.of("王伟")))));
        assertThat(doc.canonicalJson()).isEqualTo("{\"format\":\"l2c-confirmation-document/1\",\"title\":\"报告\","
                + "\"sections\":[{\"heading\":\"背景\",\"kind\":\"text\",\"text\":\"第一行\\u000a第二行\"},"
                + "{\"heading\":\"痛点\",\"kind\":\"list\",\"ordered\":true,\"items\":[\"a\",\"b\"]},"
                + "{\"heading\":\"\",\"kind\":\"table\",\"columns\":[\"姓名\"],\"rows\":[[\"王伟\"]]}]}");
        assertThat(doc.sha256()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void lineEndsAndUnicodeCompositionDoNotChangeTheHashButContentDoes() {
        ConfirmationDocument typedOnWindows = new ConfirmationDocument("Cafe\u0301", List.of(
                new ConfirmationDocument.Paragraph("h", "a\r\nb")));
        ConfirmationDocument typedOnMac = new ConfirmationDocument("Caf\u00e9", List.of(
                new ConfirmationDocument.Paragraph("h", "a\nb")));
        ConfirmationDocument changed = new ConfirmationDocument("Caf\u00e9", List.of(
                new ConfirmationDocument.Paragraph("h", "a\nc")));
        assertThat(typedOnWindows.sha256()).isEqualTo(typedOnMac.sha256());
        assertThat(changed.sha256()).isNotEqualTo(typedOnMac.sha256());
        // a list and a paragraph with the same words are different documents
        assertThat(new ConfirmationDocument("t", List.of(new ConfirmationDocument.Items("h", List.of("x"), false))).sha256())
                .isNotEqualTo(new ConfirmationDocument("t", List.of(new ConfirmationDocument.Paragraph("h", "x"))).sha256());
    }

    /** A title that tries to close its string and the object; kept out of the method so its braces stay data. */
    static final String FORGING_TITLE = "a\",\"sections\":[]}\\\t";
    static final String FORGING_TITLE_CANONICAL = "{\"format\":\"l2c-confirmation-document/1\","
            + "\"title\":\"a\\\",\\\"sections\\\":[]}\\\\\\u0009\",\"sections\":[]}";

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedSoNoTextCanForgeStructure() {
        assertThat(new ConfirmationDocument(FORGING_TITLE, List.of()).canonicalJson()).isEqualTo(FORGING_TITLE_CANONICAL);
        assertThatThrownBy(() -> new ConfirmationDocument("a\0b", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfirmationDocument.Table("h", List.of("a", "b"), List.of(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
