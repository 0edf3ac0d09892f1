package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name an upload is kept under, whatever the browser sent. */
class UploadNamesTest {

    @Test
    void aPathIsCutToItsFileAndControlAndBidiCharactersGo() {
        assertThat(UploadNames.kept("../../etc/passwd.png", "import")).isEqualTo("passwd.png");
        assertThat(UploadNames.kept("C:\\Users\\张伟\\线索.csv", "import")).isEqualTo("线索.csv");
        assertThat(UploadNames.kept(" 线索\u202Evsc.exe\t", "import")).isEqualTo("线索vsc.exe");
        assertThat(UploadNames.kept("dir/", "import")).isEqualTo("import");
        assertThat(UploadNames.kept(null, "import")).isEqualTo("import");
    }

    @Test
    void aLongNameIsShortenedTo255CharactersAtTheFrontSoItsExtensionStaysNeverHalfACharacter() {
        assertThat(UploadNames.kept("a".repeat(450) + ".csv", "import")).hasSize(255).endsWith("aaa.csv");
        assertThat(UploadNames.kept("线索".repeat(200) + ".xlsx", "import")).hasSize(255).endsWith("线索.xlsx");
        // a character outside the BMP is two chars in Java: taken whole or left out
        String emoji = UploadNames.kept("\uD83D\uDCF7".repeat(200) + ".csv", "import");
        assertThat(emoji).hasSize(254).endsWith(".csv");
        assertThat(Character.isLowSurrogate(emoji.charAt(0))).isFalse();
        assertThat(UploadNames.kept("线索.csv", "import")).isEqualTo("线索.csv");
    }
}
