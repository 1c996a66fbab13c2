package org.alongside.referral.lifecycle;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An organisation's ODS code, e.g. B82001; null is left to other constraints. */
@Pattern(regexp = "[A-Za-z0-9]{3,10}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OdsCode {
    String message() default "must be an ODS code (3-10 letters and digits)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
