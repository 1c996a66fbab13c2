package org.alongside.session.caseload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.alongside.session.recording.Session;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Caseload", description = "A peer worker's current clients, those out of touch longest first")
public record CaseloadView(
        UUID peerId,
        @Schema(description = "Days without contact after which a client is flagged (alongside.caseload.no-contact-days)")
        int noContactDays,
        @Schema(description = "Clients flagged for no contact") long flagged,
        @Schema(description = "Whether referral-service answered with the people's names and contact details; "
                + "false: the caseload is shown without them") boolean namesAvailable,
        List<Client> clients) {

    @Schema(name = "CaseloadClient")
    public record Client(
            UUID referralId,
            @Schema(description = "Who the person is and how they prefer to be reached, from referral-service; "
                    + "absent when it did not answer or does not show them to the caller") Person person,
            OffsetDateTime matchedAt,
            @Schema(description = "The most recent 1:1 session, whatever its attendance") LastSession lastSession,
            @Schema(description = "The last session the person attended, 1:1 or group") OffsetDateTime lastContactAt,
            @Schema(description = "Days since the last contact (or since the match, never contacted)") long daysSinceLastContact,
            @Schema(description = "No contact for noContactDays or more") boolean noContactFlag,
            @Schema(description = "A session logged ahead, else the one planned at the most recent session") OffsetDateTime nextSessionAt,
            @Schema(description = "The next session's time has passed without a newer session") boolean nextSessionOverdue,
            @Schema(description = "Goals not yet achieved or changed") long openGoals,
            @Schema(description = "Safeguarding concerns not yet closed") long openSafeguardingConcerns) {
    }

    @Schema(name = "CaseloadPerson")
    public record Person(
            String givenName,
            String familyName,
            @Schema(description = "How they prefer to be contacted (PHONE, TEXT, EMAIL, LETTER)") String preferredContact,
            String phone,
            String email) {

        static Person of(ReferralDirectory.Person p) {
            return new Person(p.givenName(), p.familyName(), p.preferredContact(), p.phone(), p.email());
        }
    }

    @Schema(name = "CaseloadLastSession")
    public record LastSession(UUID sessionId, OffsetDateTime startedAt, Session.Attendance attendance,
            Session.Medium medium) {
    }
}
