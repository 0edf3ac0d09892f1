package com.lead2cash.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MeasuredStreamTest {

    @Test
    void skippedBytesAreCountedAndHashedLikeReadOnes() throws IOException {
        byte[] content = new byte[20_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        MeasuredStream in = new MeasuredStream(new ByteArrayInputStream(content), 1_000_000);
        assertThat(in.read(new byte[100])).isEqualTo(100);
        assertThat(in.skip(15_000)).isEqualTo(15_000);
        assertThat(in.skip(10_000)).as("only what is left").isEqualTo(4_900);
        assertThat(in.read()).isEqualTo(-1);

        assertThat(in.count()).isEqualTo(content.length);
        assertThat(in.sha256Hex()).isEqualTo(HexFormat.of().formatHex(MeasuredStream.sha256().digest(content)));
    }

    @Test
    void skippingPastTheLimitIsRefusedLikeReadingPastIt() {
        MeasuredStream in = new MeasuredStream(new ByteArrayInputStream(new byte[5_000]), 4_096);
        assertThatThrownBy(() -> in.skip(5_000)).isInstanceOf(MeasuredStream.TooLarge.class);
    }
}
