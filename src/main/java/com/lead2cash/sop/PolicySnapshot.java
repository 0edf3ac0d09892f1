package com.lead2cash.sop;

/**
 * One version of the SOP policy (SOP 规则版本). A module reads it as one typed record of its own —
 * {@code policy.current().bind(LeadRules.class)} — whose components name the rule and parameter they
 * hold ({@link Rule}, {@link Param}); the engine knows no module's concepts.
 */
public interface PolicySnapshot {

    long version();

    /**
     * The module's rules record filled from this version. The record is checked against the rule
     * catalogue on first use (every component bound to a known rule parameter of a fitting type;
     * {@link IllegalStateException} otherwise) and the bound values are cached per version.
     *
     * <p>Types by parameter kind: a window as {@code DeadlineWindow} (or {@code java.time.Duration}
     * when it counts calendar time), a time of day as {@code LocalTime}, a weekday as
     * {@code DayOfWeek}, money and percentages as {@code BigDecimal}, whole numbers as {@code int},
     * switches as {@code boolean}, lists as {@code List<String>} or {@code Set<String>}.
     */
    <R extends Record> R bind(Class<R> rulesRecord);
}
