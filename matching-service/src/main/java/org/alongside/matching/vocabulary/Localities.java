package org.alongside.matching.vocabulary;

import java.util.Locale;

/** Postcode districts ("LS6"): the only place data matching holds, enough to tell who can meet in person. */
public final class Localities {

    public static final String DISTRICT = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]?";
    public static final String MALFORMED = "must be a postcode district such as LS6 or BD7";

    private Localities() {
    }

    /** "ls6 " -> "LS6"; null or blank -> null. */
    public static String normalise(String district) {
        if (district == null || district.isBlank()) {
            return null;
        }
        return district.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
