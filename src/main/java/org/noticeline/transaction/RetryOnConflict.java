package org.noticeline.transaction;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method again, in a fresh transaction, when it loses a race to another writer (a unique key
 * taken meanwhile, a lock timeout, a serialization failure). Put it beside {@code @Transactional} on the outermost
 * boundary (a resource method, a load); inside a transaction that is already running it does nothing, since only
 * the owner of the transaction can start it again.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryOnConflict {
}
