package com.lead2cash.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refusals an API operation answers beyond those the API document derives from the operation's shape
 * (400 for input, 401 when secured, 403 for roles, 404 for ids in the path, 409/428 for versioned
 * bodies, 422 for bodies and changes): a 409 for a lost race, a 401 for bad credentials, a 429 for a
 * rate limit, a 422 for a query that validates its parameters. Each becomes a reference to the reusable
 * problem response of that status.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

    /** HTTP statuses: 400, 401, 403, 404, 409, 413, 422, 428 or 429. */
    int[] value();
}
