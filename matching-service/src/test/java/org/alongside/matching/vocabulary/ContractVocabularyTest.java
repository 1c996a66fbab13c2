package org.alongside.matching.vocabulary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alongside.platform.events.Vocabulary;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.junit.jupiter.api.Test;

/** What matching reads from referral.accepted converts into its own vocabulary value for value. */
class ContractVocabularyTest {

    @Test
    void matchingsVocabulariesAreTheContracts() {
        assertTrue(Vocabulary.same(Gender.class, org.alongside.platform.events.referrals.Gender.class));
        assertTrue(Vocabulary.same(ConditionKind.class, org.alongside.platform.events.referrals.ConditionKind.class));
        assertTrue(Vocabulary.same(SupportFormat.class, org.alongside.platform.events.referrals.SupportFormat.class));
        assertTrue(Vocabulary.same(Slot.PartOfDay.class, ReferralAccepted.Slot.PartOfDay.class));
    }
}
