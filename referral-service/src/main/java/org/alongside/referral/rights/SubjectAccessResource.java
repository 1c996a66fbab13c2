package org.alongside.referral.rights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.referral.contact.ContactLog;
import org.alongside.referral.contact.ContactResource;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralView;
import org.alongside.referral.lifecycle.Referrals;
import org.alongside.referral.lifecycle.StatusChange;
import org.alongside.referral.summary.Summaries;
import org.alongside.referral.summary.Summary;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A subject access request answered: everything Alongside holds about one person, from every service, in one JSON
 * document. Complete or not at all: if a service does not answer, the export is refused (503) naming it, so a
 * partial export can never be sent to a person as if it were everything.
 */
@Path("/referrals/{id}/subject-access-export")
@Tag(name = "Information governance")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectAccessResource {

    static final String NOTE = "Everything Alongside holds about this person, by service. Review before "
            + "disclosure: it names peers and staff, and safeguarding records may be exempt.";

    public record OwnPart(String service, UUID referralId, OffsetDateTime generatedAt, String generatedBy,
            ReferralView referral, List<HistoryEntry> history,
            @Schema(description = "Every attempt to reach the person, notes included, latest first")
            List<ContactResource.Attempt> contactAttempts, Summary endOfSupportSummary) {
    }

    public record HistoryEntry(String fromStatus, String toStatus, String reason, String actor,
            OffsetDateTime changedAt) {
    }

    @Schema(name = "SubjectAccessExport")
    public record Export(UUID referralId, OffsetDateTime generatedAt, String generatedBy, boolean complete,
            String note, @Schema(description = "Each service's part, by service name") Map<String, Object> services) {
    }

    private final Referrals referrals;
    private final SubjectAccessExport parts;
    private final Summaries summaries;
    private final Caller caller;
    private final JsonWebToken token;
    private final Clock clock;

    SubjectAccessResource(Referrals referrals, SubjectAccessExport parts, Summaries summaries, Caller caller,
            JsonWebToken token, Clock clock) {
        this.referrals = referrals;
        this.parts = parts;
        this.summaries = summaries;
        this.caller = caller;
        this.token = token;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "exportSubjectAccess", summary = "Everything held about one person, from every service, for a subject access request",
            description = """
                    Admin (information governance lead) only. referral-service adds its own part (the referral with \\
                    identity, its history) to those of matching-, session- and outcomes-service, fetched over HTTP \\
                    with the caller's token; every service records the access in its audit trail. If any service \\
                    does not answer, the export is refused with 503 naming it (never a partial export).""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Export.class)))
    @APIResponse(responseCode = "503", description = "A service did not answer: the problem's errors name each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@PathParam("id") UUID id) {
        Referral referral = referrals.visibleTo(id, caller);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("referral-service", new OwnPart("referral-service", id, now, caller.user(),
                ReferralView.of(referral, clock), StatusChange.of(id).stream()
                .map(c -> new HistoryEntry(c.fromStatus == null ? null : c.fromStatus.name(), c.toStatus.name(),
                        c.reason, c.actor, c.changedAt)).toList(),
                ContactLog.all(id).stream().map(ContactResource.Attempt::of).toList(),
                summaries.held(id).orElse(null)));
        List<Problem.FieldError> missing = new ArrayList<>();
        parts.fetch(id, "Bearer " + token.getRawToken()).forEach((service, part) -> {
            if (part.missing() != null) {
                missing.add(new Problem.FieldError(service, part.missing()));
            } else {
                services.put(service, part.data());
            }
        });
        if (!missing.isEmpty()) {
            String detail = "The export is incomplete, so none is given: " + String.join("; ", missing.stream()
                    .map(m -> m.field() + " " + m.message()).toList()) + ". Retry when every service is up.";
            return Response.status(503).header("Retry-After", "30").type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.TYPE_BASE + "subject-access-incomplete", "Export incomplete", 503,
                            detail, "/referrals/" + id + "/subject-access-export", missing))
                    .build();
        }
        return Response.ok(new Export(id, now, caller.user(), true, NOTE, services)).build();
    }
}
