package com.lead2cash.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a JSON request record whose module limits its length itself, below the general limit
 * ({@link InputRules#MAX_TEXT}), with {@link #value} its own limit. The platform's input rules still refuse a text past
 * the general limit as it is read, but name the field's own limit: otherwise an activity's summary of 10 001
 * characters was refused as "over 10,000" and one of 10 000 as "at most 2,000" — two limits for one field. The module's
 * rule refuses what lies between; {@code value} must be the limit that rule checks (name its constant).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface OwnLength {

    /** The field's own longest text, in characters. */
    int value();
}
