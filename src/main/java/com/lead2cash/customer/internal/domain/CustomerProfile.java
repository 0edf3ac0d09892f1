package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.InvalidUnifiedSocialCreditCodeException;
import com.lead2cash.customer.UnifiedSocialCreditCode;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The company profile of a customer (客户档案): name, unified social credit code, industry, size,
 * region (an administrative division: its code when the text was resolved to one), address, website
 * and source. {@link #validated} is the one check every way in (form, API, import) goes through.
 */
public record CustomerProfile(String name, String uscc, String industry, CompanySize size, String region,
                              String regionCode, String address, String website, CustomerSource source) {

    private static final Pattern WEBSITE = Pattern.compile("(?i)(https?://)?[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+(:\\d+)?(/\\S*)?");

    /** Checks and tidies a profile as entered: trimmed, the credit code in canonical form, a website with its scheme. */
    public static CustomerProfile validated(String name, String uscc, String industry, CompanySize size, String region,
                                            String regionCode, String address, String website, CustomerSource source) {
        List<FieldError> errors = new ArrayList<>();
        String n = InputRules.trimToNull(name);
        if (n == null) {
            errors.add(new FieldError("name", "customer.name.required"));
        } else if (n.length() > 200) {
            errors.add(new FieldError("name", "customer.field.tooLong", 200));
        } else {
            InputRules.singleLineProblem("name", n).ifPresent(errors::add);
        }
        String code = InputRules.trimToNull(uscc);
        if (code != null) {
            try {
                code = UnifiedSocialCreditCode.parse(code).value();
            } catch (InvalidUnifiedSocialCreditCodeException e) {
                errors.add(new FieldError("uscc", e.messageKey(), e.args().toArray()));
            }
        }
        String ind = Texts.limited(errors, "industry", industry, 100);
        String reg = Texts.limited(errors, "region", region, 100);
        String addr = Texts.limited(errors, "address", address, 300);
        String site = Texts.limited(errors, "website", website, 300);
        if (site != null) {
            if (!WEBSITE.matcher(site).matches()) {
                errors.add(new FieldError("website", "customer.website.invalid"));
            } else if (!site.toLowerCase(Locale.ROOT).startsWith("http")) {
                site = "https://" + site;
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new CustomerProfile(n, code, ind, size, reg, InputRules.trimToNull(regionCode), addr, site, source);
    }

}
