package org.alongside.platform.query;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page's number, from 0. Capped so that a page's first item (page times size) is still an int, the most a query
 * can skip: page 2147483647 had answered 500 where a list is read through Hibernate.
 */
@Min(0)
@Max(PageNumber.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PageNumber {

    /** Past any list this service holds, at any size it serves (1000 items a page at most). */
    int MAX = 1_000_000;

    String message() default "must be between 0 and " + MAX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
