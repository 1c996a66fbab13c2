package org.alongside.matching.vocabulary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A well-formed SNOMED CT concept id ({@link SnomedCt#isConceptId}); null is allowed (an uncoded condition). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SnomedConceptId.Validator.class)
public @interface SnomedConceptId {

    String message() default SnomedCt.MALFORMED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SnomedConceptId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SnomedCt.isConceptId(value);
        }
    }
}
