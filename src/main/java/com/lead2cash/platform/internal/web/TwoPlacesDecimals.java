package com.lead2cash.platform.internal.web;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.jdk.NumberSerializer;

/**
 * Money in an API answer is a number with two places (SPEC §6): every decimal an answer carries is written with at
 * least two places — {@code 100000} as {@code 100000.00}, {@code 33330.5} as {@code 33330.50} — and one with more
 * keeps them (a quantity {@code 2.000}, a rate {@code 0.1300}). The rule needs no list of which fields are money:
 * a decimal the product keeps is money, a quantity (three places), a rate, a percentage, a probability or a score,
 * and none of these is harmed by {@code .00} — the value is the same number, the document types it {@code number};
 * counts and versions are whole-number types, never decimals. Only the API's converter writes with it: JSON the
 * application stores or fingerprints itself (an idempotency key's body) is written as before.
 */
final class TwoPlacesDecimals extends NumberSerializer {

    static final int PLACES = 2;

    private TwoPlacesDecimals() {
        super(BigDecimal.class);
    }

    /** The module the API's converter writes its answers with. */
    static SimpleModule module() {
        return new SimpleModule("lead2cash-answer-decimals").addSerializer(BigDecimal.class, new TwoPlacesDecimals());
    }

    /** {@code value} with at least two places; a value with more is left as it is (never rounded). */
    static BigDecimal twoPlaces(BigDecimal value) {
        return value.scale() < PLACES ? value.setScale(PLACES) : value;
    }

    @Override
    public void serialize(Number value, JsonGenerator gen, SerializationContext provider) {
        super.serialize(value instanceof BigDecimal decimal ? twoPlaces(decimal) : value, gen, provider);
    }
}
