package com.lead2cash.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a screen handler that changes the record in its path and reads its fields, the version among them, from a
 * {@code @RequestParam Map} ({@link FormValues#version}): its form must post a numeric {@code version}, or it is
 * refused (428) before anything changes. Handlers reading a {@code version} parameter or binding a form with one are
 * found without it; an action on no record version (sending an acceptance link) does not carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface VersionedForm {
}
