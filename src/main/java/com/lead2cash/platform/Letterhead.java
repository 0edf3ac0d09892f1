package com.lead2cash.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company's letterhead (信头) on printed documents: name, address, phone, e-mail and website, from
 * {@code l2c.letterhead.*}. Unset lines are left out.
 */
@ConfigurationProperties("l2c.letterhead")
public record Letterhead(String name, String address, String phone, String email, String website) {

    public Letterhead {
        name = name == null || name.isBlank() ? "Lead2Cash" : name.strip();
        address = blankToNull(address);
        phone = blankToNull(phone);
        email = blankToNull(email);
        website = blankToNull(website);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
