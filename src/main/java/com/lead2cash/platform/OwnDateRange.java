package com.lead2cash.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or date-time field (of a JSON request record, or of a screen's form) whose module decides its range itself,
 * narrower than the years any record can have ({@link InputRules#FIRST_DATE}–{@link InputRules#LAST_DATE}), and
 * refuses a value outside it with a message naming that range. The platform's input rules then leave the field's
 * range to that rule: otherwise a 2999 would be refused as "between 1900-01-01 and 2199-12-31", and the 2150 typed on
 * that advice refused again with the field's own range — two ranges for one field. The field's rule must refuse every
 * value outside {@code FIRST_DATE}–{@code LAST_DATE} on every way in (create and change, API and screen).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface OwnDateRange {
}
