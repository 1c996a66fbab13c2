package org.alongside.matching.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.matching.taxonomy.Taxonomies;
import org.alongside.matching.taxonomy.Taxonomy;
import org.alongside.platform.patch.JsonMergePatch;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/peers")
@Tag(name = "Peers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeerResource {

    private static final String CHANGE_RULES = "Capacity cannot go below the peer's current active clients. A peer "
            + "ON_LEAVE or LEFT is proposed to no one new and keeps their people until each is transferred: the "
            + "answer lists them (peopleToTransfer). Open proposals the peer no longer fits are withdrawn (and "
            + "replaced); referrals waiting for a peer are matched again.";

    private final Peers peers;
    private final Taxonomies taxonomies;
    private final Caller caller;
    private final ObjectMapper mapper;

    PeerResource(Peers peers, Taxonomies taxonomies, Caller caller, ObjectMapper mapper) {
        this.peers = peers;
        this.taxonomies = taxonomies;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "createPeer", summary = "Add a peer worker's profile",
            description = "SNOMED CT codes the taxonomy does not know are accepted and listed in unmappedCodes. "
                    + "An ACTIVE peer is at once considered for referrals waiting for a peer.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new profile",
            content = @Content(schema = @Schema(implementation = PeerView.class)))
    public Response create(@NotNull(message = "a peer profile body is required") @Valid PeerInput input) {
        Peer peer = peers.create(input);
        return Response.created(URI.create("/peers/" + peer.id)).entity(view(peer)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN, Roles.SUPERVISOR, Roles.PEER_WORKER})
    @Operation(operationId = "getPeer",
            summary = "One peer profile", description = "A peer worker may read only their own profile (the peerId "
            + "of their token); a supervisor the profiles of the peers they supervise (supervisor = the subject of "
            + "their token). Any other answers 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PeerView.class)))
    public PeerView get(@PathParam("id") UUID id) {
        return view(peers.visibleTo(id, caller));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "updatePeer", summary = "Replace a peer profile", description = CHANGE_RULES)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PeerView.class)))
    @APIResponse(responseCode = "409", description = "Capacity below the peer's active clients (field capacity)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PeerView update(@PathParam("id") UUID id,
            @NotNull(message = "a peer profile body is required") @Valid PeerInput input) {
        return changed(peers.update(id, input));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(JsonMergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "changePeer", summary = "Change part of a peer profile (JSON Merge Patch)",
            description = "Only the fields that change, as a JSON Merge Patch (RFC 7396, media type "
                    + "application/merge-patch+json) of PeerInput, e.g. {\"status\": \"ON_LEAVE\"}; null removes an "
                    + "optional field. The result is checked exactly as a replacement is: a field it makes invalid is "
                    + "a 400 naming it, and nothing is written. " + CHANGE_RULES)
    // the document the patch applies to; the platform's MergePatchOpenApi documents the body as a patch of it
    @RequestBody(required = true, content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = PeerInput.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PeerView.class)))
    @APIResponse(responseCode = "409", description = "Capacity below the peer's active clients (field capacity)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PeerView change(@PathParam("id") UUID id, String patch) throws JsonProcessingException {
        if (patch == null || patch.isBlank()) {
            throw ProblemException.invalid("body", "a JSON Merge Patch is required");
        }
        return changed(peers.correct(id, mapper.readTree(patch)));
    }

    /** The profile after a change; for a peer now away, with the people to transfer. */
    private PeerView changed(Peer peer) {
        PeerView view = view(peer);
        return peer.status == PeerStatus.ACTIVE ? view
                : view.withPeopleToTransfer(peers.currentPeople(peer.id, 0, Peers.MOST_CLIENTS).items());
    }

    @GET
    @Path("/{id}/people")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN, Roles.SUPERVISOR, Roles.PEER_WORKER})
    @Operation(operationId = "listPeerPeople", summary = "The people the peer supports now, by referral",
            description = "Longest matched first: for a peer who leaves or goes on leave, whom to transfer. Scoped "
                    + "as GET /peers/{id}: a peer worker their own, a supervisor their supervisees'.")
    @APIResponse(responseCode = "200", description = "A page of the peer's current people")
    public org.alongside.platform.query.Page<Peers.CurrentPerson> people(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        peers.visibleTo(id, caller);
        return peers.currentPeople(id, page, size);
    }

    @Schema(name = "PeerList")
    public record PeerList(List<PeerView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "listPeers", summary = "Peer profiles by display name, a page at a time",
            description = "A supervisor lists only the peers they supervise (supervisor = the subject of their token).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PeerList.class)))
    public PeerList list(
            @QueryParam("active") @Parameter(description = "Only active (true) or not active (false) peers") Boolean active,
            @QueryParam("status") @Parameter(description = "Only peers with this status",
                    schema = @Schema(implementation = PeerStatus.class)) String status,
            @QueryParam("supervisor") @Parameter(description = "Only the peers this supervisor (a token subject) "
                    + "supervises") String supervisor,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Peers.Found found = peers.list(new Peers.Filter(Optional.ofNullable(active),
                Optional.ofNullable(status).map(PeerResource::status),
                Optional.ofNullable(supervisor).filter(s -> !s.isBlank())), caller, page, size);
        Taxonomy taxonomy = taxonomies.current();
        return new PeerList(found.items().stream().map(p -> PeerView.of(p, taxonomy)).toList(), page, size,
                found.total());
    }

    // parsed here rather than by JAX-RS, which answers an unreadable query parameter with 404, not 400
    private static PeerStatus status(String status) {
        try {
            return PeerStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(PeerStatus.values()));
        }
    }

    private PeerView view(Peer peer) {
        return PeerView.of(peer, taxonomies.current());
    }
}
