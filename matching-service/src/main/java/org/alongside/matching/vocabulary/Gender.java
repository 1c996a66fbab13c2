package org.alongside.matching.vocabulary;

/** FHIR administrative gender, as the referral carries it. */
public enum Gender {
    FEMALE, MALE, OTHER, UNKNOWN;

    public String description() {
        return name().toLowerCase();
    }
}
