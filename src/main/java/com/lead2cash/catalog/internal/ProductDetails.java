package com.lead2cash.catalog.internal;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.VatRates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What describes a product (产品资料): code, name, specification, unit, product line, list price (CNY,
 * without tax, to the fen) and tax rate (percent, one of {@link VatRates#LAWFUL}: 13 for goods, 6 for services).
 * {@link #validated} is the one check the form, the API and the Excel import go through.
 */
public record ProductDetails(String code, String name, String specification, String unit, String productLine,
                             BigDecimal listPrice, BigDecimal taxRate) {

    static final int MAX_CODE = 40;
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999999999.99");

    public static ProductDetails validated(String code, String name, String specification, String unit,
                                           String productLine, BigDecimal listPrice, BigDecimal taxRate) {
        List<FieldError> errors = new ArrayList<>();
        String c = InputRules.trimToNull(code);
        if (c == null) {
            errors.add(new FieldError("code", "catalog.product.code.required"));
        } else if (c.length() > MAX_CODE || c.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new FieldError("code", "catalog.product.code.invalid", MAX_CODE));
        }
        String n = InputRules.trimToNull(name);
        if (n == null) {
            errors.add(new FieldError("name", "catalog.product.name.required"));
        } else if (n.length() > 200) {
            errors.add(new FieldError("name", "catalog.field.tooLong", 200));
        } else {
            InputRules.singleLineProblem("name", n).ifPresent(errors::add);
        }
        String spec = length(errors, "specification", specification, 1000);
        String u = length(errors, "unit", unit, 20);
        String line = length(errors, "productLine", productLine, 100);
        if (listPrice == null) {
            errors.add(new FieldError("listPrice", "catalog.product.listPrice.required"));
        } else if (listPrice.signum() < 0 || listPrice.compareTo(MAX_PRICE) > 0 || listPrice.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("listPrice", "catalog.price.invalid"));
        }
        if (taxRate == null) {
            errors.add(new FieldError("taxRate", "catalog.product.taxRate.required"));
        } else if (!VatRates.lawful(taxRate)) {
            errors.add(new FieldError("taxRate", "catalog.product.taxRate.invalid", VatRates.listed()));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new ProductDetails(c, n, spec, u, line, listPrice.setScale(2), taxRate.setScale(2));
    }

    private static String length(List<FieldError> errors, String field, String value, int max) {
        String v = InputRules.trimToNull(value);
        if (v != null && v.length() > max) {
            errors.add(new FieldError(field, "catalog.field.tooLong", max));
        }
        return v;
    }
}
