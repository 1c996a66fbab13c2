package org.alongside.referral.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.platform.events.Vocabulary;
import org.alongside.platform.events.referrals.ConditionKind;
import org.alongside.platform.events.referrals.Gender;
import org.alongside.platform.events.referrals.ReferralAcceptedV2;
import org.alongside.platform.events.referrals.ReferralWithdrawn;
import org.alongside.platform.events.referrals.ReferrerType;
import org.alongside.platform.events.support.Availability;
import org.alongside.platform.events.support.Faith;
import org.alongside.platform.events.support.Medium;
import org.alongside.platform.events.support.Setting;
import org.junit.jupiter.api.Test;

/** The referral as the contract's events carry it: the same vocabularies, and never who the person is. */
class ReferralEventsTest {

    @Test
    void theReferralsVocabulariesAreTheContracts() {
        assertTrue(Vocabulary.same(Referral.ReferrerType.class, ReferrerType.class));
        assertTrue(Vocabulary.same(Referral.Gender.class, Gender.class));
        assertTrue(Vocabulary.same(Referral.ConditionKind.class, ConditionKind.class));
        assertTrue(Vocabulary.same(ReferralStatus.class,
                org.alongside.platform.events.referrals.ReferralStatus.class));
    }

    @Test
    void anAcceptanceCarriesBandsAndCodesNotTheAddressOrBirthDate() {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.birthDate = LocalDate.of(1960, 5, 1);
        referral.postcode = "LS6 2AB";
        referral.gender = Referral.Gender.FEMALE;
        referral.conditions = List.of(new Referral.Condition("44054006", "Type 2 diabetes mellitus",
                Referral.ConditionKind.PHYSICAL));
        referral.preferences = new Referral.Preferences(null, List.of(Setting.GROUP), List.of(Medium.VIDEO), true,
                null);
        referral.ethnicity = "A";
        referral.faith = Faith.NO_RELIGION;
        referral.availability = List.of(new Availability(DayOfWeek.TUESDAY, Availability.PartOfDay.EVENING));
        referral.experiences = List.of("caring-for-someone");
        referral.receivedAt = OffsetDateTime.parse("2026-01-05T09:00:00Z");
        referral.updatedAt = OffsetDateTime.parse("2026-01-06T11:00:00Z");

        ReferralAcceptedV2 accepted = ReferralEvents.accepted(referral, LocalDate.of(2026, 1, 6));
        assertEquals("65-74", accepted.ageBand());
        assertEquals("LS6", accepted.locality());
        assertEquals(Gender.FEMALE, accepted.gender());
        assertEquals(ConditionKind.PHYSICAL, accepted.conditions().get(0).kind());
        assertEquals(List.of(Setting.GROUP), accepted.preferences().settings());
        assertEquals(List.of(Medium.VIDEO), accepted.preferences().media());
        assertEquals("A", accepted.ethnicity());
        assertEquals(Faith.NO_RELIGION, accepted.faith());
        assertEquals(referral.availability, accepted.availability());
        assertEquals(List.of("caring-for-someone"), accepted.experiences());
        assertNull(accepted.preferences().peerGender());
        assertEquals(referral.updatedAt, accepted.acceptedAt());
    }

    @Test
    void anEndingCarriesTheCodedReasonItWasGiven() {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.statusReason = "PERSON_REQUEST";
        referral.updatedAt = OffsetDateTime.parse("2026-02-01T10:00:00Z");
        ReferralWithdrawn withdrawn = ReferralEvents.withdrawn(referral, ReferralStatus.MATCHED);
        assertEquals("PERSON_REQUEST", withdrawn.reason());
        assertEquals(org.alongside.platform.events.referrals.ReferralStatus.MATCHED, withdrawn.fromStatus());
        assertEquals(referral.updatedAt, withdrawn.withdrawnAt());
    }
}
