package org.alongside.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void aLanguageCodeReadsAsTheLanguagesNameAndAnythingElseAsGiven() {
        assertEquals("Punjabi", Labels.languageName("pa"));
        assertEquals("Urdu", Labels.languageName("ur"));
        assertEquals("English", Labels.languageName("en-GB"));
        assertEquals("Polish", Labels.languageName("Polish"));
        assertEquals("British Sign Language", Labels.languageName("British Sign Language"));
        assertEquals("", Labels.languageName(null));
    }

    @Test
    void aCodeReadsAsWords() {
        assertEquals("Emotional support", Labels.label("EMOTIONAL_SUPPORT"));
        assertEquals("Matched", Labels.label("MATCHED"));
        assertEquals("One to one", Labels.label("ONE_TO_ONE"));
    }
}
