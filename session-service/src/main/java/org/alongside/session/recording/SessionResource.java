package org.alongside.session.recording;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.access.Params;
import org.alongside.session.match.Restrictions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Schema(name = "EnteredInError")
    public record EnteredInError(
            @NotBlank @Size(max = 1000) @Schema(description = "Why the record is wrong: wrong person, never took place, ...")
            String reason) {
    }

    private final Sessions sessions;
    private final Access access;

    SessionResource(Sessions sessions, Access access) {
        this.sessions = sessions;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "recordSession", summary = "Record a session", description = """
            A peer worker records their own sessions, for the referrals matched to them now. A coordinator or admin \
            may record for any peer with an accepted match for the referral (or, for a session held before it \
            ended, a past match). With the session, in one go: community resources signposted, a safeguarding \
            concern, progress on the person's goals; all is written or nothing is. Publishes session.recorded \
            (kind ONE_TO_ONE) without the notes, goal.updated per goal reviewed, safeguarding.raised for a concern. \
            A retry with the same Idempotency-Key returns the session already recorded and records nothing.""")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "200", description = "A retry of a request already recorded (same Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "A peer worker: the referral is not one of their clients",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No accepted match between the referral and the peer, or it "
            + "ended, or " + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@NotNull(message = "a session body is required") @Valid NewSession request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = "Client-chosen key; retries with the same key record nothing") String idempotencyKey) {
        Optional<Session> earlier = sessions.byIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return Response.ok(sessions.view(sessions.visibleTo(earlier.get().id, access), access)).build();
        }
        Session session;
        try {
            session = sessions.record(request, idempotencyKey, access);
        } catch (RuntimeException e) {
            // a concurrent retry with the same key won the race: answer with its session
            Optional<Session> raced = sessions.byIdempotencyKey(idempotencyKey);
            if (raced.isPresent()) {
                return Response.ok(sessions.view(sessions.visibleTo(raced.get().id, access), access)).build();
            }
            throw e;
        }
        return Response.created(URI.create("/sessions/" + session.id)).entity(sessions.view(session, access)).build();
    }

    @GET
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listSessions", summary = "A referral's sessions, most recent first",
            description = "A peer worker sees the sessions of their own clients only (another referral: 404). Notes are shown to the peer who "
                    + "holds the session, their supervisor and coordinators. Sessions entered in error are listed "
                    + "with that status.")
    public Page<SessionView> list(@QueryParam("referralId") @Parameter(required = true,
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) String referralId,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Params.checkPage(page, size);
        Page<Session> found = Params.page(sessions.ofReferral(Params.requiredUuid("referralId", referralId), access),
                page, size);
        return new Page<>(sessions.views(found.items(), access), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getSession", summary = "One session (its current version)", description = "A peer worker sees the sessions of their own clients only.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    public SessionView get(@PathParam("id") UUID id) {
        return sessions.view(sessions.visibleTo(id, access), access);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "editSession", summary = "Correct a session", description = """
            Replaces every editable field (a field left out is cleared) and keeps the earlier version (see \
            /sessions/{id}/versions). The peer who held it may correct it while the person is their client; \
            coordinators and admins any time. Publishes session.recorded again with the same sessionId, the next \
            version and a later recordedAt. Sending the current content again changes nothing.""")
    @APIResponse(responseCode = "200", description = "The session after the correction",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Entered in error, or the new time falls outside the match, or "
            + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView edit(@PathParam("id") UUID id,
            @NotNull(message = "a session body is required") @Valid SessionEdit body) {
        return sessions.view(sessions.edit(id, body, access), access);
    }

    @POST
    @Path("/{id}/entered-in-error")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "markSessionEnteredInError", summary = "Mark a mistaken session entered-in-error", description = """
            Nothing is deleted: the session stays, with the reason, as a new version. Publishes session.recorded \
            with status ENTERED_IN_ERROR (same sessionId, next version) so that outcomes stops counting it. A \
            safeguarding concern raised from it stays open.""")
    @APIResponse(responseCode = "200", description = "The session, marked",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Already marked, or " + Restrictions.ERASED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView enteredInError(@PathParam("id") UUID id,
            @NotNull(message = "a body with the reason is required") @Valid EnteredInError body) {
        return sessions.view(sessions.enteredInError(id, body.reason(), access), access);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listSessionVersions", summary = "Every version of a session, oldest first: the audit trail of its corrections")
    public Page<SessionVersionView> versions(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Params.checkPage(page, size);
        Session session = sessions.visibleTo(id, access);
        boolean withText = access.mayReadRestricted(session.peerId, session.referralId, session.matchId);
        return Params.page(sessions.versions(session), page, size).map(v -> SessionVersionView.of(v, withText));
    }
}
