package org.alongside.platform.events.support;

import java.util.Set;

/**
 * The NHS ethnic category (NHS Data Model and Dictionary, England), as UK Core's CodeSystem
 * {@value #SYSTEM} codes it: a letter, or 99 for not known.
 */
public final class EthnicCategory {
    public static final String SYSTEM = "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland";
    public static final Set<String> CODES = Set.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N",
            "P", "R", "S", "Z", "99");
    /** For Bean Validation and OpenAPI: exactly the codes above. */
    public static final String PATTERN = "^([A-HJ-NPRSZ]|99)$";

    private EthnicCategory() {
    }

    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }
}
