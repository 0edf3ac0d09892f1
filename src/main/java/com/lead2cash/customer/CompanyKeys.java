package com.lead2cash.customer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identity keys of a company (公司查重键) — normalised name, unified social credit code, phone and
 * e-mail — and the one place that decides whether two records may be the same company. Lead capture,
 * lead import, customer creation and customer import all match through it (SPEC §5 duplicate
 * detection); the stores only look candidates up by these keys.
 *
 * @param name  {@link CompanyNames#normalize} of the name, "" when unknown
 * @param uscc  the code in canonical form, or null
 * @param phone {@link PhoneNumbers#normalize} of the number, or null
 * @param email {@link EmailAddresses#normalize} of the address, or null
 */
public record CompanyKeys(String name, String uscc, String phone, String email) {

    /** What two records share. */
    public enum Evidence { NAME, USCC, PHONE, EMAIL }

    public CompanyKeys {
        name = name == null ? "" : name;
        uscc = blankToNull(uscc);
        phone = blankToNull(phone);
        email = blankToNull(email);
    }

    /** The keys of what a person typed or a file held. */
    public static CompanyKeys of(String companyName, String uscc, String phone, String email) {
        return new CompanyKeys(CompanyNames.normalize(companyName), canonicalUscc(uscc), PhoneNumbers.normalize(phone),
                EmailAddresses.normalize(email));
    }

    /** Nothing to match on. */
    public boolean isEmpty() {
        return name.isEmpty() && uscc == null && phone == null && email == null;
    }

    /** What this probe shares with a stored record's keys (already normalised), in a fixed order. */
    public List<Evidence> matchedBy(CompanyKeys stored) {
        return matchedBy(List.of(stored));
    }

    /**
     * What this probe shares with any of a stored record's keys: a customer has one name and code but
     * a phone and an e-mail per contact.
     */
    public List<Evidence> matchedBy(Collection<CompanyKeys> stored) {
        Set<Evidence> found = EnumSet.noneOf(Evidence.class);
        for (CompanyKeys s : stored) {
            if (!name.isEmpty() && name.equals(s.name)) {
                found.add(Evidence.NAME);
            }
            if (uscc != null && uscc.equals(s.uscc)) {
                found.add(Evidence.USCC);
            }
            if (phone != null && phone.equals(s.phone)) {
                found.add(Evidence.PHONE);
            }
            if (email != null && email.equals(s.email)) {
                found.add(Evidence.EMAIL);
            }
        }
        return new ArrayList<>(found);
    }

    /** The evidence as the names duplicate lists carry ("NAME", "USCC", …). */
    public static List<String> names(List<Evidence> evidence) {
        return evidence.stream().map(Enum::name).toList();
    }

    /** A code as typed, in canonical form when it is one; an invalid code still matches itself exactly. */
    private static String canonicalUscc(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
