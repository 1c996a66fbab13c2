package org.alongside.matching.proposals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.matching.vocabulary.Condition;
import org.alongside.matching.vocabulary.Gender;
import org.alongside.matching.vocabulary.Slot;
import org.alongside.matching.vocabulary.SupportFormat;

/**
 * The part of a {@code referral.accepted} event's data that matching uses; other fields are ignored. culture,
 * availability and experiences are optional: matching uses them when referral-service sends them.
 */
record ReferralAccepted(UUID referralId, List<Condition> conditions, Preferences preferences, String language,
        boolean interpreterNeeded, String locality, String culture, List<Slot> availability, List<String> experiences,
        OffsetDateTime acceptedAt) {

    record Preferences(Gender peerGender, List<SupportFormat> formats, Boolean sharedCondition,
            Boolean sharedCultureOrLanguage) {
    }
}
