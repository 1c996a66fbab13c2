package org.alongside.platform.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class or method whose query parameters follow another standard's rules (FHIR search, where the
 * server decides what to do with a parameter it does not support), so {@link UnknownQueryParameters} leaves them be.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AcceptsAnyQueryParameter {
}
