package org.alongside.referral.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void acceptsValidNumbersWithOrWithoutSpaces() {
        assertTrue(NhsNumber.isValid("9434765919"));
        assertTrue(NhsNumber.isValid("943 476 5919"));
        assertTrue(NhsNumber.isValid("4010232137"));
        assertEquals("9434765919", NhsNumber.normalise("943 476 5919"));
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertFalse(NhsNumber.isValid("9434765918"));
    }

    @Test
    void rejectsNumbersWhoseCheckDigitWouldBeTen() {
        // 100000001: weighted sum 12, 11 - (12 mod 11) = 10, so no tenth digit can make it valid
        for (int last = 0; last <= 9; last++) {
            assertFalse(NhsNumber.isValid("100000001" + last));
        }
    }

    @Test
    void acceptsACheckDigitOfZeroWhenElevenComesOut() {
        // 000000000 sums to 0: 11 - 0 = 11, which means check digit 0
        assertTrue(NhsNumber.isValid("0000000000"));
    }

    @Test
    void rejectsLettersAndWrongLengths() {
        assertFalse(NhsNumber.isValid("94347659AB"));
        assertFalse(NhsNumber.isValid("943476591"));
        assertFalse(NhsNumber.isValid("94347659190"));
        assertFalse(NhsNumber.isValid(""));
        assertFalse(NhsNumber.isValid(null));
        assertNull(NhsNumber.normalise("943-476-5919"));
    }
}
