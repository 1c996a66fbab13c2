package org.alongside.matching.proposals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.alongside.platform.events.matches.MatchEndedV2;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A person's matches over time: every peer they had, and moving them to another peer. Rooted at / like the proposals:
 * a class rooted at /referrals/{referralId} would take every path under it, the proposals' too.
 */
@Path("/")
@Tag(name = "Matches")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "Matching has not heard of this referral (not accepted, or not yet)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MatchResource {

    private final Transfers transfers;
    private final Caller caller;

    MatchResource(Transfers transfers, Caller caller) {
        this.transfers = transfers;
        this.caller = caller;
    }

    @Schema(name = "MatchRecord", description = "One peer the person had: when the match started and, once it ended, "
            + "when and why")
    public record MatchRecord(UUID proposalId, UUID peerId, String peerDisplayName, OffsetDateTime startedAt,
            @Schema(description = "Absent while the match goes on") OffsetDateTime endedAt,
            @Schema(description = "CLOSED or WITHDRAWN with the referral, or TRANSFERRED to another peer; absent "
                    + "while the match goes on") MatchEndedV2.Reason endReason,
            @Schema(description = "The coded reason behind the ending: the referral's close or withdrawal reason, or "
                    + "the transfer's (PEER_LEFT, PEER_ON_LEAVE, PERSON_ASKED, OTHER)", example = "PEER_LEFT")
            String endDetail) {
    }

    @POST
    @Path("referrals/{referralId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "transferReferral", summary = "Move a matched person to another peer",
            description = "Ends the current match (match.ended, reason TRANSFERRED; the peer's place is given back). "
                    + "With peerId, the person is matched with that peer at once (match.accepted), who must be "
                    + "ACTIVE with a free place and not ruled out for them. Without it, peers are proposed afresh, "
                    + "never the previous one, and the person chooses as usual (POST /proposals/{id}/accept). The "
                    + "person's sessions and goals stay with them. Answers the referral's proposals as they now stand.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralProposals.class)))
    @APIResponse(responseCode = "409", description = "The person is not matched now; or the named peer is not ACTIVE, "
            + "full or ruled out for them (field peerId). Nothing changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The named peer does not exist or is the current peer (field "
            + "peerId). Nothing changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralProposals transfer(@PathParam("referralId") UUID referralId,
            @NotNull(message = "a body with a reason is required") @Valid Transfer body) {
        return ReferralProposals.of(transfers.transfer(referralId, body, caller.user()));
    }

    @GET
    @Path("referrals/{referralId}/matches")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listReferralMatches", summary = "Every peer the person had, first match first",
            description = "Each match from when it started to when and why it ended; the current one has no end.")
    @APIResponse(responseCode = "200", description = "A page of the person's matches")
    public Page<MatchRecord> matches(@PathParam("referralId") UUID referralId,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (Referral.findById(referralId) == null) {
            throw ProblemException.notFound("Referral", referralId);
        }
        var query = Match.<Match>find("referralId = ?1 order by startedAt, proposalId", referralId);
        query.page(io.quarkus.panache.common.Page.of(page, size));
        var matches = query.list();
        Map<UUID, String> names = Peer.displayNames(matches.stream().map(m -> m.peerId).toList());
        return new Page<>(matches.stream().map(m -> new MatchRecord(m.proposalId, m.peerId, names.get(m.peerId),
                m.startedAt, m.endedAt, m.endReason, m.endDetail)).toList(), page, size, query.count());
    }
}
