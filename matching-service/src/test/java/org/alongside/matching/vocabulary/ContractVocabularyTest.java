package org.alongside.matching.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alongside.platform.events.Vocabulary;
import org.alongside.platform.events.referrals.ReferralAccepted;
import org.alongside.platform.events.referrals.SupportFormat;
import org.alongside.platform.events.support.Availability;
import org.junit.jupiter.api.Test;

/** What matching reads from referral.accepted converts into its own vocabulary value for value. */
class ContractVocabularyTest {

    @Test
    void matchingsVocabulariesAreTheContracts() {
        assertTrue(Vocabulary.same(Gender.class, org.alongside.platform.events.referrals.Gender.class));
        assertTrue(Vocabulary.same(ConditionKind.class, org.alongside.platform.events.referrals.ConditionKind.class));
        assertTrue(Vocabulary.same(Setting.class, org.alongside.platform.events.support.Setting.class));
        assertTrue(Vocabulary.same(Medium.class, org.alongside.platform.events.support.Medium.class));
        assertTrue(Vocabulary.same(Slot.PartOfDay.class, ReferralAccepted.Slot.PartOfDay.class));
        assertTrue(Vocabulary.same(Slot.PartOfDay.class, Availability.PartOfDay.class));
    }

    @Test
    void formatsOfTheFirstVersionReadAsSettingsAndMediaAsStoredDataWasMigrated() {
        SupportFormats.Support support = SupportFormats.of(List.of(SupportFormat.ONE_TO_ONE, SupportFormat.TELEPHONE,
                SupportFormat.ONLINE));
        assertEquals(List.of(Setting.ONE_TO_ONE), support.settings());
        assertEquals(List.of(Medium.IN_PERSON, Medium.TELEPHONE, Medium.ONLINE_TEXT), support.media());
        assertEquals(new SupportFormats.Support(List.of(), List.of()), SupportFormats.of(null));
    }

    @Test
    void genderTakesFhirCodesInAnyCase() {
        assertEquals(Gender.FEMALE, Gender.of("female"));
        assertEquals(Gender.UNKNOWN, Gender.of(" Unknown"));
        assertThrows(IllegalArgumentException.class, () -> Gender.of("f"));
    }
}
