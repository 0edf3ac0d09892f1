package com.lead2cash.sop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the SOP rule (its id in the rule catalogue) a component of a module's rules record is bound
 * from; {@link Param} names the parameter. See {@link PolicySnapshot#bind(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Rule {

    String value();
}
