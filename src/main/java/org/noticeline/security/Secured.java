package org.noticeline.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that needs a token with the given scope, sent as a bearer token or (browsers) named by a sign-in's
 * session cookie; reading endpoints carry none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Secured {
    Scope value();
}
