package org.alongside.outcomes.measures;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alongside.platform.events.Vocabulary;
import org.junit.jupiter.api.Test;

/** outcome.recorded names timepoints and classifications as the contract does, so none fails on the way out. */
class OutcomeEventsTest {

    @Test
    void theServicesVocabulariesAreTheContracts() {
        assertTrue(Vocabulary.same(Timepoint.class, org.alongside.platform.events.outcomes.Timepoint.class));
        assertTrue(Vocabulary.same(Classification.class,
                org.alongside.platform.events.outcomes.Classification.class));
    }
}
