package org.alongside.session.group;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import jakarta.ws.rs.QueryParam;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.session.access.Params;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.match.Restrictions;
import org.alongside.session.recording.Session;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/groups")
@Tag(name = "Groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {

    @Schema(name = "AttendanceUpdate")
    public record AttendanceUpdate(@NotNull Session.Attendance attendance) {
    }

    private final Groups groups;
    private final Access access;

    GroupResource(Groups groups, Access access) {
        this.groups = groups;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "createGroup", summary = "Set up a group", description = "Facilitators are peer ids; they may then record the group's meetings.")
    @APIResponse(responseCode = "201", description = "Set up",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    public Response create(@NotNull(message = "a group body is required") @Valid NewGroup body) {
        PeerGroup group = groups.create(body, access);
        return Response.created(URI.create("/groups/" + group.id)).entity(view(group)).build();
    }

    @GET
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listGroups", summary = "Groups, by name", description = "A peer worker sees the groups they facilitate.")
    public Page<GroupView> list(
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        return Params.page(groups.list(access), page, size).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getGroup", summary = "One group, with its members")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GroupView.class)))
    public GroupView get(@PathParam("id") UUID id) {
        return view(groups.visibleTo(id, access));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "updateGroup", summary = "Change a group: name, focus, leadership, facilitators, capacity",
            description = "Meetings already recorded stay as they were.")
    @APIResponse(responseCode = "200", description = "The group after the change",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    public GroupView update(@PathParam("id") UUID id,
            @NotNull(message = "a group body is required") @Valid NewGroup body) {
        return view(groups.update(id, body, access));
    }

    @POST
    @Path("/{id}/meetings")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "recordGroupMeeting", summary = "Record a meeting and its attendance register", description = """
            A facilitator (or a coordinator) records who came. Members are referral ids: accepted referrals whose \
            support had not ended when the meeting started; a person may be in groups and have 1:1 support at once. \
            More members ATTENDED than the group's capacity is refused (409), as is the whole register when one \
            entry is wrong. Publishes session.recorded per member (kind GROUP, with groupId and meetingId; sessionId \
            is the member's attendance id). A retry with the same Idempotency-Key records nothing.""")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "200", description = "A retry of a request already recorded (same Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "409", description = "Over capacity; a member whose referral is not open; or, for a "
            + "member, " + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordMeeting(@PathParam("id") UUID id,
            @NotNull(message = "a meeting body is required") @Valid NewMeeting body,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = "Client-chosen key; retries with the same key record nothing") String idempotencyKey) {
        Optional<GroupMeeting> earlier = groups.byIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            groups.visibleTo(earlier.get().groupId, access);
            return Response.ok(meetingView(earlier.get())).build();
        }
        GroupMeeting meeting;
        try {
            meeting = groups.recordMeeting(id, body, idempotencyKey, access);
        } catch (RuntimeException e) {
            Optional<GroupMeeting> raced = groups.byIdempotencyKey(idempotencyKey);
            if (raced.isPresent()) {
                return Response.ok(meetingView(raced.get())).build();
            }
            throw e;
        }
        return Response.created(URI.create("/groups/" + id + "/meetings/" + meeting.id))
                .entity(meetingView(meeting)).build();
    }

    @GET
    @Path("/{id}/meetings")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listGroupMeetings", summary = "A group's meetings with their registers, most recent first")
    public Page<MeetingView> meetings(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Page<GroupMeeting> meetings = Params.page(groups.meetings(id, access), page, size);
        Map<UUID, List<GroupAttendance>> registers = groups.registersOf(meetings.items());
        return meetings.map(m -> MeetingView.of(m, registers.getOrDefault(m.id, List.of())));
    }

    @PUT
    @Path("/{id}/meetings/{meetingId}/attendance/{referralId}")
    @RolesAllowed({Roles.PEER_WORKER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "recordGroupAttendance", summary = "Correct one member's attendance, or add a member left off the register", description = """
            Publishes session.recorded for the member again (same sessionId, next version). The capacity still \
            holds (409).""")
    @APIResponse(responseCode = "200", description = "The meeting after the change",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "409", description = "Over capacity; a member whose referral is not open; or, for a "
            + "member, " + Restrictions.MAY_NOT_RECORD,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MeetingView recordAttendance(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId,
            @PathParam("referralId") UUID referralId,
            @NotNull(message = "a body with the attendance is required") @Valid AttendanceUpdate body) {
        return meetingView(groups.recordAttendance(id, meetingId, referralId, body.attendance(), access));
    }

    private GroupView view(PeerGroup group) {
        return GroupView.of(group, groups.members(group.id), groups.lastMeetingAt(group.id).orElse(null));
    }

    private MeetingView meetingView(GroupMeeting meeting) {
        return MeetingView.of(meeting, groups.registerOf(meeting.id));
    }
}
