package com.lead2cash.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation whose 201 answers no {@code Location}, because what it created has no address of its own to
 * read it at (it is read in a list, or not at all): the API document then says why instead of declaring the
 * header, which every other 201 sends and the document declares as required.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoLocation {

    /** Why, in English, for the document: "an amendment is read in the contract's list of amendments". */
    String value();
}
