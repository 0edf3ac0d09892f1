package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.InputRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * The years a record can have ({@link InputRules}), for the templates' date, date-time and month fields to tell
 * the browser ({@code th:min="${@inputBounds.firstDate}"}): one short name for the bounds the server keeps. A
 * bean, not a model attribute, so that every template reads it — fragments answered to htmx and pages rendered
 * without a controller included.
 */
@Component("inputBounds")
public class InputBounds {

    public LocalDate getFirstDate() {
        return InputRules.FIRST_DATE;
    }

    public LocalDate getLastDate() {
        return InputRules.LAST_DATE;
    }

    /**
     * The first day a date the business enters may name ({@link InputRules#FIRST_BUSINESS_DATE}): the least of a
     * field whose date the server checks as a business date (a meeting held, a signing), not only as a date.
     */
    public LocalDate getFirstBusinessDate() {
        return InputRules.FIRST_BUSINESS_DATE;
    }

    /** As a {@code datetime-local} field writes it, to the minute. */
    public LocalDateTime getFirstDateTime() {
        return InputRules.FIRST_DATE_TIME;
    }

    public LocalDateTime getLastDateTime() {
        return InputRules.LAST_DATE_TIME;
    }

    public YearMonth getFirstMonth() {
        return InputRules.FIRST_MONTH;
    }

    public YearMonth getLastMonth() {
        return InputRules.LAST_MONTH;
    }
}
