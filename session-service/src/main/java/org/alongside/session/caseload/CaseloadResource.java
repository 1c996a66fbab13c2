package org.alongside.session.caseload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.access.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/caseload")
@Tag(name = "Caseload")
@Produces(MediaType.APPLICATION_JSON)
public class CaseloadResource {

    private final Caseload caseload;
    private final Access access;

    CaseloadResource(Caseload caseload, Access access) {
        this.caseload = caseload;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getCaseload", summary = "A peer worker's current clients, those out of touch longest first", description = """
            A peer worker sees their own (the peerId of their token). Coordinators and admins name any peer with \
            peerId; a supervisor names one of the peers they supervise (another peer's caseload answers 404). Per client: the last session, the last contact (an attended 1:1 session or group \
            meeting), days since, a flag after alongside.caseload.no-contact-days (default 14) without contact, the \
            next session, open goals and open safeguarding concerns.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseloadView.class)))
    @APIResponse(responseCode = "404", description = "peerId names a peer whose caseload the caller may not see: "
            + "another peer's, for a peer worker; one they do not supervise, for a supervisor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseloadView get(@QueryParam("peerId") @Parameter(description = "Required for coordinators, supervisors and admins",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) String peerId) {
        UUID requested = Params.optionalUuid("peerId", peerId);
        if (access.isStaff()) {
            if (requested == null) {
                throw ProblemException.invalid("peerId", "is required: name the peer worker whose caseload to show");
            }
            if (!access.overseesPeer(requested)) {
                throw ProblemException.notFound("Caseload of peer", requested);
            }
            return caseload.of(requested);
        }
        UUID own = access.actingPeer().orElseThrow();
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.notFound("Caseload of peer", requested);
        }
        return caseload.of(own);
    }

    @GET
    @Path("summaries")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getCaseloadSummaries", summary = "Every caseload the caller oversees, in figures, the most people out of contact first", description = """
            One call for a page of supervisees: per peer worker the number of clients, how many are flagged for no \
            contact, overdue next sessions, the soonest next session and open safeguarding concerns, counted as \
            GET /caseload counts them, without names or referral ids. The same scope as GET /caseload: coordinators \
            and admins every peer this service knows to be working (a current match or a supervisor), a supervisor \
            the peers they supervise (each, with or without clients), a peer worker themselves. peerId narrows the \
            list to the peers named; one the caller may not see answers 404.""")
    @APIResponse(responseCode = "200", description = "One page of summaries")
    @APIResponse(responseCode = "404", description = "peerId names a peer whose caseload the caller may not see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CaseloadSummary> summaries(
            @QueryParam("peerId") @Parameter(description = "Only these peers; repeat for several",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class)) List<String> peerId,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Params.checkPage(page, size);
        List<UUID> named = peerId == null ? List.of()
                : peerId.stream().map(id -> Params.requiredUuid("peerId", id)).distinct().toList();
        return Params.page(caseload.summaries(overseen(named)), page, size);
    }

    /**
     * The peers whose caseloads the caller asks about and may see, as {@link #get} decides for one: the named ones
     * (404 for any out of scope), else all the caller oversees; null for every peer (coordinators and admins).
     */
    private List<UUID> overseen(List<UUID> named) {
        if (access.isCoordinatorOrAdmin()) {
            return named.isEmpty() ? null : named;
        }
        Set<UUID> visible = new LinkedHashSet<>(access.supervisedPeers());
        if (access.isSupervisor()) {
            access.peerWorker().ifPresent(visible::add);
        } else {
            visible.add(access.actingPeer().orElseThrow());
        }
        for (UUID requested : named) {
            if (!visible.contains(requested)) {
                throw ProblemException.notFound("Caseload of peer", requested);
            }
        }
        return named.isEmpty() ? List.copyOf(visible) : named;
    }
}
