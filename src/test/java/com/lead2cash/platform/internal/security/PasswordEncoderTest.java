package com.lead2cash.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

class PasswordEncoderTest {

    private static final String PASSWORD = "Zhang-San-2026!";

    @Test
    void newHashesAreBcryptOfTheConfiguredStrength() {
        assertThat(SecurityConfiguration.passwordEncoder(10).encode(PASSWORD)).startsWith("{bcrypt}$2a$10$");
        assertThat(SecurityConfiguration.passwordEncoder(4).encode(PASSWORD)).startsWith("{bcrypt}$2a$04$");
    }

    @Test
    void aStoredHashVerifiesWhateverTheStrengthItWasMadeWith() {
        String strong = SecurityConfiguration.passwordEncoder(10).encode(PASSWORD);
        PasswordEncoder weaker = SecurityConfiguration.passwordEncoder(4);

        assertThat(weaker.matches(PASSWORD, strong)).isTrue();
        assertThat(weaker.matches("zhang-san-2026!", strong)).isFalse();
        assertThat(SecurityConfiguration.passwordEncoder(10).matches(PASSWORD, weaker.encode(PASSWORD))).isTrue();
    }

    @Test
    void hashesOfSpringSecuritysOtherEncodersStillVerify() {
        String pbkdf2 = "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        PasswordEncoder encoder = SecurityConfiguration.passwordEncoder(4);

        assertThat(encoder.matches(PASSWORD, pbkdf2)).isTrue();
        assertThat(encoder.matches("wrong", pbkdf2)).isFalse();
    }

    @Test
    void aStrengthBcryptDoesNotKnowStopsTheStart() {
        assertThatThrownBy(() -> SecurityConfiguration.passwordEncoder(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityConfiguration.passwordEncoder(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
