package org.alongside.matching.proposals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    private final Decisions decisions;
    private final Caller caller;

    ProposalResource(Decisions decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("referrals/{referralId}/proposals")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "getReferralProposals",
            summary = "The peers proposed for a referral, best first, with the reasons for each score",
            description = "Available once referral-service has accepted the referral. Proposals that replace declined "
                    + "or withdrawn ones follow them, ranked on. A referral no peer fits is WAITING with a "
                    + "waitingReason.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralProposals.class)))
    @APIResponse(responseCode = "404", description = "Matching has not heard of this referral (not accepted, or not yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralProposals forReferral(@PathParam("referralId") UUID referralId) {
        Referral referral = Referral.findById(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral", referralId);
        }
        return ReferralProposals.of(referral);
    }

    @POST
    @Path("proposals/{id}/accept")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "acceptProposal", summary = "Accept a proposal: the person chose this peer",
            description = "Takes one of the peer's places, atomically; the referral's other open proposals become "
                    + "SUPERSEDED.")
    @APIResponse(responseCode = "200", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "409", description = "The proposal is already decided or withdrawn, stale (the peer no "
            + "longer fits the referral), or the peer is full",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProposalView accept(@PathParam("id") UUID id) {
        return view(decisions.accept(id, caller.user()));
    }

    @POST
    @Path("proposals/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "declineProposal", summary = "Decline a proposal, with a coded reason",
            description = "The next best peer not yet proposed is proposed in its place (match.proposed); with no "
                    + "proposal left open the referral waits.")
    @APIResponse(responseCode = "200", description = "Declined",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "409", description = "The proposal is already decided or withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProposalView decline(@PathParam("id") UUID id,
            @NotNull(message = "a body with a reason is required") @Valid Decline body) {
        return view(decisions.decline(id, body, caller.user()));
    }

    private static ProposalView view(Proposal proposal) {
        Peer peer = Peer.findById(proposal.peerId);
        return ProposalView.of(proposal, peer.displayName);
    }
}
