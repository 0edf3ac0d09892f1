package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Typed text matches itself in a like pattern: no wildcard, no escape the user did not mean. */
class LikePatternsTest {

    @Test
    void percentUnderscoreAndBackslashMatchThemselves() {
        assertThat(LikePatterns.escape("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
        assertThat(LikePatterns.containing("华为_1")).isEqualTo("%华为\\_1%");
        assertThat(LikePatterns.containing("")).isEqualTo("%%");
    }
}
