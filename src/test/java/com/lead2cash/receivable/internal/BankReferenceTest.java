package com.lead2cash.receivable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.receivable.internal.domain.ReceiptRepository;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A bank reference as it is kept and compared: one transfer is one reference, however it was typed or pasted. */
class BankReferenceTest {

    @Test
    void invisibleFormatCharactersAreNoPartOfTheReferenceAsFullWidthFormsAreNone() {
        for (String typed : new String[] {"PAY-1\u200b", "\u200bPAY-1", "PA\u200cY-1", "PAY\u200d-1", "PAY-\u20601",
                "\ufeffPAY-1", "PAY-\u00ad1", "\u200ePAY-1\u200f", "ＰＡＹ－１\u200b", " PAY-1\u00a0", "PAY-1\u3000"}) {
            assertThat(ReceiptService.bankReference(typed)).as(typed.codePoints()
                    .mapToObj(Integer::toHexString).toList().toString()).isEqualTo("PAY-1");
        }
        assertThat(ReceiptService.bankReference("\u200b\u2060")).as("nothing visible: no reference").isNull();
    }

    @Test
    void theDatabasesBracketExpressionIsEveryInvisibleFormatCharacterOfTheBasicPlaneAndNoOther() {
        // read by PostgreSQL to compare a reference kept with one before they were refused; java.util.regex reads
        // \\uXXXX ranges alike, so this pins the list to Unicode's category Cf as the Java refusal sees it
        Pattern expression = Pattern.compile(ReceiptRepository.FORMAT_CHARACTERS);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(expression.matcher(String.valueOf(c)).matches()).as(Integer.toHexString(c))
                    .isEqualTo(ReceiptService.isFormatCharacter(c));
        }
    }
}
