package org.alongside.referral.lifecycle;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of the events this service publishes (schemas in docs/events.md). Pseudonymous by design: the
 * referral id, codes, bands and categories; never a name, NHS number, birth date, address or free text.
 */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    public record Received(UUID referralId, Referral.ReferrerType referrerType, String referrerOdsCode,
            List<Referral.Condition> conditions, String ageBand, Referral.Gender gender, Integer imdDecile,
            OffsetDateTime receivedAt) {
    }

    /** Everything matching needs to propose peers. */
    public record Accepted(UUID referralId, List<Referral.Condition> conditions, Referral.Preferences preferences,
            String language, boolean interpreterNeeded, String ageBand, Referral.Gender gender, String locality,
            Integer imdDecile, OffsetDateTime receivedAt, OffsetDateTime acceptedAt) {
    }

    public record Declined(UUID referralId, String reason, OffsetDateTime declinedAt) {
    }

    public record Withdrawn(UUID referralId, String reason, ReferralStatus fromStatus, OffsetDateTime withdrawnAt) {
    }

    public record Closed(UUID referralId, String reason, OffsetDateTime closedAt) {
    }

    /** The person withdrew their consent: every service stops processing their records. */
    public record ConsentWithdrawn(UUID referralId, ReferralStatus fromStatus, OffsetDateTime withdrawnAt) {
    }

    /** The retention period ended: identity and free text are gone here; the others erase their free text. */
    public record Erased(UUID referralId, ReferralStatus status, OffsetDateTime endedAt, OffsetDateTime erasedAt) {
    }
}
