package org.alongside.outcomes.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts over the referrals received in the period, and over their sessions. Aggregates only: never an id. */
@Schema(name = "DashboardSummary", description = """
        Counts over the cohort of referrals received in the period (all referrals when the period is open), and the
        sessions recorded for them. A referral counts once for each milestone it has reached.""")
public record DashboardSummary(
        @Schema(description = "First day of the period, as asked (null when open)") LocalDate from,
        @Schema(description = "Last day of the period, as asked (null when open)") LocalDate to,
        @Schema(description = "Referrals received") long referralsReceived,
        @Schema(description = "Of those, accepted at triage") long referralsAccepted,
        @Schema(description = "Of those, declined at triage") long referralsDeclined,
        @Schema(description = "Of those, withdrawn by the person or referrer") long referralsWithdrawn,
        @Schema(description = "Of those, matched with a peer") long referralsMatched,
        @Schema(description = "Of those, active: at least one session attended") long referralsActive,
        @Schema(description = "Of those, closed after support") long referralsClosed,
        @Schema(description = "Sessions recorded for those referrals, whatever the attendance") long sessionsRecorded,
        @Schema(description = "Of those sessions, attended") long sessionsAttended,
        @Schema(description = "When these counts were read") OffsetDateTime generatedAt) {
}
