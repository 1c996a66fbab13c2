package org.alongside.matching.vocabulary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnomedCtTest {

    @Test
    void everyCodeOfTheReferenceListIsAWellFormedConceptId() {
        for (String code : List.of("871731000000106", "871711000000103", "461481000124109", "46635009", "44054006",
                "13645005", "195967001", "709044004", "84114007", "53741008", "363346000", "86406008", "49049000",
                "24700007", "69896004", "82423001", "35489007", "197480006", "69322001", "13746004", "58214004")) {
            assertTrue(SnomedCt.isConceptId(code), code);
        }
    }

    @Test
    void aWrongCheckDigitATypoOrASwapIsMalformed() {
        assertFalse(SnomedCt.isConceptId("44054007"), "wrong check digit");
        assertFalse(SnomedCt.isConceptId("44504006"), "two digits swapped");
        assertFalse(SnomedCt.isConceptId("4405400"), "a digit lost");
    }

    @Test
    void onlyConceptIdsOfSixToEighteenDigitsWithoutLeadingZeroAreWellFormed() {
        assertFalse(SnomedCt.isConceptId(null));
        assertFalse(SnomedCt.isConceptId(""));
        assertFalse(SnomedCt.isConceptId("diabetes"));
        assertFalse(SnomedCt.isConceptId("044054006"), "leading zero");
        assertFalse(SnomedCt.isConceptId("1000"), "too short");
        assertFalse(SnomedCt.isConceptId("1234567890123456789"), "too long");
        // a description id (partition 01), not a concept
        assertFalse(SnomedCt.isConceptId("1487430010"));
        assertTrue(SnomedCt.isConceptId("38341003"), "hypertensive disorder: real, and not in the taxonomy");
    }
}
