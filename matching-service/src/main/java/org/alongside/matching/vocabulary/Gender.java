package org.alongside.matching.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** FHIR administrative gender, as the referral carries it; FHIR's own codes are accepted in any case. */
@Schema(name = "Gender", description = "FEMALE, MALE, OTHER or UNKNOWN; FHIR administrative-gender codes (female, "
        + "male, other, unknown) are accepted in any case")
public enum Gender {
    FEMALE, MALE, OTHER, UNKNOWN;

    public String description() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "female", "Female" and "FEMALE" are the same code. */
    @JsonCreator
    public static Gender of(String code) {
        if (code == null) {
            return null;
        }
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not one of female, male, other, unknown");
        }
    }
}
