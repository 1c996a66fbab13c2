package org.alongside.session.recording;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
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
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SessionResource {

    private final Sessions sessions;
    private final Caller caller;

    SessionResource(Sessions sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(summary = "Record a session", description = """
            A peer worker records their own sessions, for the referrals matched to them now. A coordinator or admin \
            may record for any peer with an accepted match for the referral (or, for a session held before it \
            ended, a past match). Publishes session.recorded without the notes. A retry with the same \
            Idempotency-Key returns the session already recorded and records nothing.""")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "200", description = "A retry of a request already recorded (same Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "A peer worker: the referral is not one of their clients",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A coordinator: the referral has no accepted match with the peer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 1 MB")
    public Response record(@NotNull(message = "a session body is required") @Valid NewSession request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = "Client-chosen key; retries with the same key record nothing") String idempotencyKey) {
        Optional<Session> earlier = sessions.byIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return Response.ok(view(sessions.visibleTo(earlier.get().id, caller))).build();
        }
        Session session;
        try {
            session = sessions.record(request, idempotencyKey, caller);
        } catch (RuntimeException e) {
            // a concurrent retry with the same key won the race: answer with its session
            Optional<Session> raced = sessions.byIdempotencyKey(idempotencyKey);
            if (raced.isPresent()) {
                return Response.ok(view(sessions.visibleTo(raced.get().id, caller))).build();
            }
            throw e;
        }
        return Response.created(URI.create("/sessions/" + session.id)).entity(view(session)).build();
    }

    @GET
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A referral's sessions, most recent first",
            description = "A peer worker sees the sessions of their own clients only. Notes are shown to the peer who "
                    + "holds the session and to coordinators and admins.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "A peer worker: the referral is not one of their clients",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SessionView> list(@QueryParam("referralId") @Parameter(required = true,
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) String referralId) {
        return sessions.ofReferral(referralIdOf(referralId), caller).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "One session", description = "A peer worker sees the sessions of their own clients only.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or outside the caller's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView get(@PathParam("id") UUID id) {
        return view(sessions.visibleTo(id, caller));
    }

    private SessionView view(Session session) {
        return SessionView.of(session, sessions.mayReadNotes(session, caller));
    }

    // Parsed here rather than by JAX-RS, which answers a malformed query parameter with 404.
    private static UUID referralIdOf(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("referralId", "is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("referralId", "'" + value + "' is not a UUID");
        }
    }
}
