package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A contact person's details as entered (联系人信息); {@link #validated} is the one check of every way in.
 * {@code language} is the language the contact is written to in ({@link #LANGUAGES}; none given: zh-CN).
 */
public record ContactDetails(String name, String title, String department, String phone, String email, String wechat,
                             DecisionRole role, Attitude attitude, String notes, String language) {

    /** The languages a contact may prefer, as stored and sent over the API; the first is the default. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");

    /** The languages as a refusal names them. */
    static final String LANGUAGES_NAMED = String.join(", ", LANGUAGES);

    /** Details without a language (a form or an import that does not ask): the contact is written to in zh-CN. */
    public ContactDetails(String name, String title, String department, String phone, String email, String wechat,
                          DecisionRole role, Attitude attitude, String notes) {
        this(name, title, department, phone, email, wechat, role, attitude, notes, null);
    }

    public static ContactDetails validated(String name, String title, String department, String phone, String email,
                                           String wechat, DecisionRole role, Attitude attitude, String notes) {
        return validated(name, title, department, phone, email, wechat, role, attitude, notes, null, true, true);
    }

    private static ContactDetails validated(String name, String title, String department, String phone, String email,
                                            String wechat, DecisionRole role, Attitude attitude, String notes,
                                            String language, boolean checkPhone, boolean checkEmail) {
        List<FieldError> errors = new ArrayList<>();
        String n = InputRules.trimToNull(name);
        if (n == null) {
            errors.add(new FieldError("name", "contact.name.required"));
        } else if (n.length() > 200) {
            errors.add(new FieldError("name", "customer.field.tooLong", 200));
        } else {
            InputRules.singleLineProblem("name", n).ifPresent(errors::add);
        }
        String p = InputRules.trimToNull(phone);
        // the one rule of phone and e-mail, shared with leads (PhoneNumbers, EmailAddresses)
        if (checkPhone && p != null && !PhoneNumbers.isPlausible(PhoneNumbers.normalize(p))) {
            errors.add(new FieldError("phone", "contact.phone.invalid"));
        }
        String e = InputRules.trimToNull(email);
        if (checkEmail && e != null && !EmailAddresses.isPlausible(EmailAddresses.normalize(e))) {
            errors.add(new FieldError("email", "contact.email.invalid"));
        }
        String t = Texts.limited(errors, "title", title, 100);
        InputRules.singleLineProblem("title", t).ifPresent(errors::add);
        String d = Texts.limited(errors, "department", department, 100);
        String w = Texts.limited(errors, "wechat", wechat, 50);
        String notesText = Texts.limited(errors, "notes", notes, 1000);
        String lang = language(language);
        if (lang == null) {
            errors.add(new FieldError("language", "contact.language.invalid", LANGUAGES_NAMED));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new ContactDetails(n, t, d, p, e, w, role, attitude, notesText, lang);
    }

    /** The language as stored for one entered: none is zh-CN, a known one as {@link #LANGUAGES} spells it, else null. */
    private static String language(String entered) {
        String l = InputRules.trimToNull(entered);
        if (l == null) {
            return LANGUAGES.get(0);
        }
        return LANGUAGES.stream().filter(known -> known.equalsIgnoreCase(l)).findFirst().orElse(null);
    }

    /** These details as entered, checked ({@link #validated}). */
    public ContactDetails validated() {
        return validated(name, title, department, phone, email, wechat, role, attitude, notes, language, true, true);
    }

    /**
     * These details as an edit of {@code stored} enters them, checked ({@link #validated}) except a phone or e-mail
     * left as stored: contacts added over the API before it checked them may hold one that is no number, and
     * refusing it untouched would block every other correction of the contact; a changed value is checked.
     */
    public ContactDetails validatedAsEditOf(ContactDetails stored) {
        return validated(name, title, department, phone, email, wechat, role, attitude, notes, language,
                !Objects.equals(InputRules.trimToNull(phone), InputRules.trimToNull(stored.phone())),
                !Objects.equals(InputRules.trimToNull(email), InputRules.trimToNull(stored.email())));
    }

    /** The same details with another phone, e-mail and WeChat (what an edit keeps of fields the editor could not see). */
    public ContactDetails withReach(String phone, String email, String wechat) {
        return new ContactDetails(name, title, department, phone, email, wechat, role, attitude, notes, language);
    }
}
