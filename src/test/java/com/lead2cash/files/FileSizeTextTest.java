package com.lead2cash.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a file's size reads in every file list: bytes under 1 KiB, one decimal above, never "0 KiB". */
class FileSizeTextTest {

    @Test
    void aFileUnderOneKibReadsInBytes() {
        assertThat(FileSizeText.of(0)).isEqualTo("0 B");
        assertThat(FileSizeText.of(622)).as("a small scan, not 0 KiB").isEqualTo("622 B");
        assertThat(FileSizeText.of(1023)).isEqualTo("1023 B");
    }

    @Test
    void largerFilesReadInKibMibOrGibWithOneDecimal() {
        assertThat(FileSizeText.of(1024)).isEqualTo("1.0 KiB");
        assertThat(FileSizeText.of(1536)).isEqualTo("1.5 KiB");
        assertThat(FileSizeText.of(4096)).isEqualTo("4.0 KiB");
        assertThat(FileSizeText.of(1_048_575)).as("1023.999 KiB rounds to the next unit").isEqualTo("1.0 MiB");
        assertThat(FileSizeText.of(20L * 1024 * 1024 + 300 * 1024)).isEqualTo("20.3 MiB");
        assertThat(FileSizeText.of(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }
}
