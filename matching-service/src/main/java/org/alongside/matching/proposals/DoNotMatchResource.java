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
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.matching.peers.Peer;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/referrals/{referralId}/do-not-match")
@Tag(name = "Proposals")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "Matching has not heard of this referral (not accepted, or not yet)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DoNotMatchResource {

    private final DoNotMatches doNotMatches;
    private final Caller caller;

    DoNotMatchResource(DoNotMatches doNotMatches, Caller caller) {
        this.doNotMatches = doNotMatches;
        this.caller = caller;
    }

    /** One peer ruled out; the class's name also names the page of them (PageDoNotMatchView). */
    @Schema(name = "DoNotMatch")
    public record DoNotMatchView(UUID referralId, UUID peerId, String peerDisplayName, String reason,
            String recordedBy, OffsetDateTime recordedAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "ruleOutPeer", summary = "Rule a peer out for this person",
            description = "The peer is never proposed to them. An open proposal of that peer is withdrawn and the next "
                    + "best peer not yet proposed is proposed instead. Ruling the same peer out again replaces the "
                    + "reason.")
    @APIResponse(responseCode = "201", description = "Ruled out",
            content = @Content(schema = @Schema(implementation = DoNotMatchView.class)))
    @APIResponse(responseCode = "200", description = "Already ruled out; the reason is replaced",
            content = @Content(schema = @Schema(implementation = DoNotMatchView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or no such peer (field peerId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The person is matched with this peer, or matching has ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("referralId") UUID referralId,
            @NotNull(message = "a body with peerId and reason is required") @Valid DoNotMatchInput input) {
        DoNotMatches.Recorded recorded = doNotMatches.add(referralId, input, caller.user());
        DoNotMatchView entry = entries(List.of(recorded.entry())).get(0);
        return Response.status(recorded.created() ? 201 : 200).entity(entry).build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listRuledOutPeers", summary = "The peers ruled out for this person")
    @APIResponse(responseCode = "200", description = "A page of the peers ruled out, first ruled out first")
    public Page<DoNotMatchView> list(@PathParam("referralId") UUID referralId,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<DoNotMatch> found = doNotMatches.list(referralId, page, size);
        return new Page<>(entries(found.items()), page, size, found.total());
    }

    private static List<DoNotMatchView> entries(List<DoNotMatch> entries) {
        Map<UUID, String> names = Peer.displayNames(entries.stream().map(e -> e.peerId).toList());
        return entries.stream()
                .map(e -> new DoNotMatchView(e.referralId, e.peerId, names.get(e.peerId), e.reason, e.recordedBy,
                        e.recordedAt)).toList();
    }
}
