package org.alongside.session.caseload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
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
}
