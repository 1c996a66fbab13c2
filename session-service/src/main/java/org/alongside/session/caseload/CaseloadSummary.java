package org.alongside.session.caseload;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CaseloadSummary", description = """
        A peer worker's caseload in figures, counted by the same rules as GET /caseload: no names, no \
        referral ids, nothing about any one person""")
public record CaseloadSummary(
        UUID peerId,
        @Schema(description = "The people they support now: GET /caseload's clients") long clients,
        @Schema(description = "Clients without contact for noContactDays or more: GET /caseload's flagged")
        long outOfContact,
        @Schema(description = "Days without contact after which a client is flagged (alongside.caseload.no-contact-days)")
        int noContactDays,
        @Schema(description = "Clients whose next session's time has passed without a newer session")
        long nextSessionsOverdue,
        @Schema(description = "The soonest next session still ahead among their clients; absent when none is")
        OffsetDateTime nextSessionAt,
        @Schema(description = "Safeguarding concerns about their clients not yet closed")
        long openSafeguardingConcerns) {
}
