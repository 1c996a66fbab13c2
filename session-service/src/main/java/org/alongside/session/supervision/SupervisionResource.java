package org.alongside.session.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.session.access.Params;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.access.Supervisors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Peer supervision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    @Schema(name = "SupervisorChange")
    public record SupervisorChange(
            @NotBlank @Size(max = 200) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with spaces")
            @Schema(description = "A registered, active supervisor, by their identity: the subject (sub) of their token")
            String supervisor) {
    }

    private final Supervisors supervisors;
    private final SupervisionRecords records;
    private final Access access;

    SupervisionResource(Supervisors supervisors, SupervisionRecords records, Access access) {
        this.supervisors = supervisors;
        this.records = records;
        this.access = access;
    }

    @PUT
    @Path("peers/{peerId}/supervisor")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "assignSupervisor", summary = "Assign a peer worker's supervisor", description = """
            The supervisor is named by the subject (sub) of their token and must be registered and active \
            (PUT /supervisors/{subject}); anyone else is a 422 naming supervisor, and nothing changes. They then read \
            the notes of this peer's sessions and see the peer's safeguarding concerns and alerts. A different \
            supervisor replaces the current one (the history is kept) and supervisor.assigned is published on \
            alongside.staff.v1 for matching-service; the same one again changes nothing.""")
    @APIResponse(responseCode = "422", description = "Not a registered, active supervisor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The peer's supervisor now",
            content = @Content(schema = @Schema(implementation = SupervisorView.class)))
    public SupervisorView assign(@PathParam("peerId") UUID peerId,
            @NotNull(message = "a body naming the supervisor is required") @Valid SupervisorChange body) {
        return SupervisorView.of(supervisors.assign(peerId, body.supervisor(), access.user()));
    }

    @GET
    @Path("peers/{peerId}/supervisor")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getSupervisor", summary = "A peer worker's supervisor", description = """
            A peer worker may ask only about themselves; a supervisor about the peers they supervise (another \
            supervisor's peer answers 404).""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SupervisorView.class)))
    public SupervisorView supervisor(@PathParam("peerId") UUID peerId) {
        requireSelfOrStaff(peerId);
        return supervisors.current(peerId).map(SupervisorView::of)
                .orElseThrow(() -> ProblemException.notFound("Supervisor of peer", peerId));
    }

    @POST
    @Path("peers/{peerId}/supervision")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "recordSupervision", summary = "Record a supervision session with a peer worker",
            description = "Recorded under the calling supervisor's subject. Any supervisor may record (cover happens).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SupervisionView.class)))
    public Response recordSupervision(@PathParam("peerId") UUID peerId,
            @NotNull(message = "a supervision body is required") @Valid NewSupervision body) {
        Supervision supervision = records.record(peerId, body, access);
        return Response.created(URI.create("/peers/" + peerId + "/supervision"))
                .entity(SupervisionView.of(supervision, true)).build();
    }

    @GET
    @Path("peers/{peerId}/supervision")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listSupervision", summary = "A peer worker's supervision sessions, most recent first", description = """
            A peer worker sees only their own; a supervisor those of the peers they supervise and of peers without a \
            supervisor. The wellbeing notes are shown to the peer worker and to supervisors.""")
    public Page<SupervisionView> supervision(@PathParam("peerId") UUID peerId,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Params.checkPage(page, size);
        requireSelfOrStaff(peerId);
        boolean withNotes = access.isSupervisor() || access.peerWorker().map(peerId::equals).orElse(false);
        return Params.page(records.of(peerId), page, size).map(s -> SupervisionView.of(s, withNotes));
    }

    @GET
    @Path("supervision/overdue")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listOverdueSupervision", summary = "Peer workers overdue supervision, longest overdue first", description = """
            Peer workers this service knows to be working (a current match or a supervisor) whose last supervision \
            (or, never supervised, their start) is older than alongside.supervision.interval (default 28 days). \
            A supervisor sees their own peers and peers with no supervisor; coordinators and admins see all.""")
    public Page<OverduePeer> overdue(
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        return Params.page(records.overdue(access), page, size);
    }

    /**
     * A peer worker asks about themselves; a supervisor about the peers they supervise and those without a supervisor
     * (cover happens, and nobody falls between supervisors); coordinators and admins about anyone. Otherwise 404.
     */
    private void requireSelfOrStaff(UUID peerId) {
        boolean uncovered = access.isSupervisor() && supervisors.current(peerId).isEmpty();
        if (!access.overseesPeer(peerId) && !uncovered) {
            throw ProblemException.notFound("Peer", peerId);
        }
    }
}
