package com.lead2cash.confirmation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.confirmation.ConfirmationDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document shown from storage is the document that was sent. */
class DocumentCodecTest {

    @Test
    void aStoredDocumentReadsBackToTheSameDocument() {
        ConfirmationDocument sent = new ConfirmationDocument("需求分析报告 v2", List.of(
                new ConfirmationDocument.Paragraph("背景", "多行\n文本 \"引号\" \\ <b>"),
                new ConfirmationDocument.Items("痛点", List.of("一", "二"), true),
                new ConfirmationDocument.Items("目标", List.of(), false),
                new ConfirmationDocument.Table("决策", List.of("姓名", "角色"), List.of(List.of("王伟", "决策人")))));
        ConfirmationDocument read = DocumentCodec.parse(sent.canonicalJson());
        assertThat(read).isEqualTo(sent);
        assertThat(read.sha256()).isEqualTo(sent.sha256());
    }
}
