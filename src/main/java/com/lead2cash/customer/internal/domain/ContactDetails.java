package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;

/** A contact person's details as entered (联系人信息); {@link #validated} is the one check of every way in. */
public record ContactDetails(String name, String title, String department, String phone, String email, String wechat,
                             DecisionRole role, Attitude attitude, String notes) {

    public static ContactDetails validated(String name, String title, String department, String phone, String email,
                                           String wechat, DecisionRole role, Attitude attitude, String notes) {
        List<FieldError> errors = new ArrayList<>();
        String n = Texts.trim(name);
        if (n == null) {
            errors.add(new FieldError("name", "contact.name.required"));
        } else if (n.length() > 200) {
            errors.add(new FieldError("name", "customer.field.tooLong", 200));
        }
        String p = Texts.trim(phone);
        if (p != null && !PhoneNumbers.isPlausible(PhoneNumbers.normalize(p))) {
            errors.add(new FieldError("phone", "contact.phone.invalid"));
        }
        String e = Texts.trim(email);
        if (e != null && !EmailAddresses.isPlausible(EmailAddresses.normalize(e))) {
            errors.add(new FieldError("email", "contact.email.invalid"));
        }
        String t = Texts.limited(errors, "title", title, 100);
        String d = Texts.limited(errors, "department", department, 100);
        String w = Texts.limited(errors, "wechat", wechat, 50);
        String notesText = Texts.limited(errors, "notes", notes, 1000);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new ContactDetails(n, t, d, p, e, w, role, attitude, notesText);
    }

    /** These details as entered, checked ({@link #validated}). */
    public ContactDetails validated() {
        return validated(name, title, department, phone, email, wechat, role, attitude, notes);
    }

    /** The same details with another phone, e-mail and WeChat (what an edit keeps of fields the editor could not see). */
    public ContactDetails withReach(String phone, String email, String wechat) {
        return new ContactDetails(name, title, department, phone, email, wechat, role, attitude, notes);
    }
}
