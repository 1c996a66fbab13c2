package org.alongside.session.rights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.alongside.session.goal.Goal;
import org.alongside.session.goal.GoalProgress;
import org.alongside.session.goal.GoalView;
import org.alongside.session.group.GroupAttendance;
import org.alongside.session.group.GroupMeeting;
import org.alongside.session.group.PeerGroup;
import org.alongside.session.match.Match;
import org.alongside.session.match.Matches;
import org.alongside.session.match.ReferralState;
import org.alongside.session.recording.Session;
import org.alongside.session.recording.SessionVersion;
import org.alongside.session.recording.SessionVersionView;
import org.alongside.session.recording.SessionView;
import org.alongside.session.safeguarding.Concern;
import org.alongside.session.safeguarding.ConcernView;
import org.alongside.session.signposting.Signpost;
import org.alongside.session.signposting.SignpostView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything session-service holds about one person, for a subject access request. referral-service assembles the
 * whole export from this and the other services' parts (docs/information-governance.md).
 */
@Path("/referrals/{referralId}/subject-access")
@Tag(name = "Information governance")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectAccessResource {

    public record ReferralPart(OffsetDateTime acceptedAt, OffsetDateTime endedAt, ReferralState.Ending endedAs,
            String endReason, OffsetDateTime consentWithdrawnAt, OffsetDateTime erasedAt) {
    }

    public record MatchPart(UUID peerId, UUID proposalId, OffsetDateTime matchedAt, OffsetDateTime endedAt,
            String endReason) {
    }

    public record SessionPart(SessionView session, List<SessionVersionView> versions) {
    }

    public record GroupAttendancePart(UUID groupId, String groupName, UUID meetingId, OffsetDateTime startedAt,
            int durationMinutes, Session.Medium medium, Session.Attendance attendance, int version,
            OffsetDateTime recordedAt, String recordedBy) {
    }

    @Schema(name = "SessionServiceSubjectAccess")
    public record SubjectAccess(String service, UUID referralId, OffsetDateTime generatedAt, String generatedBy,
            ReferralPart referral, List<MatchPart> matches, List<SessionPart> sessions,
            List<GroupAttendancePart> groupAttendance, List<GoalView> goals, List<SignpostView> signposting,
            List<ConcernView> safeguardingConcerns) {
    }

    private final Matches matches;
    private final Caller caller;
    private final Clock clock;

    SubjectAccessResource(Matches matches, Caller caller, Clock clock) {
        this.matches = matches;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getSubjectAccessPart", summary = "Everything held about one person, free text included, for a subject access request",
            description = """
                    Admin (information governance lead) only; every call is in the audit trail. A referral this \
                    service never heard of answers 200 with empty lists. Free text erased at the end of the \
                    retention period is absent. Review before disclosure: it names peers and staff.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectAccess.class)))
    public SubjectAccess export(@PathParam("referralId") UUID referralId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReferralPart referral = matches.referral(referralId).map(r -> new ReferralPart(r.acceptedAt, r.endedAt,
                r.endedAs, r.endReason, r.consentWithdrawnAt, r.erasedAt)).orElse(null);
        List<MatchPart> pairs = Match.<Match>list("referralId = ?1 order by matchedAt", referralId).stream()
                .map(m -> new MatchPart(m.peerId, m.proposalId, m.matchedAt, m.endedAt, m.endReason)).toList();

        List<Session> sessions = Session.list("referralId = ?1 order by startedAt, firstRecordedAt", referralId);
        List<UUID> sessionIds = sessions.stream().map(s -> s.id).toList();
        Map<UUID, List<SessionVersion>> versions = sessionIds.isEmpty() ? Map.of()
                : SessionVersion.<SessionVersion>list("sessionId in ?1 order by version", sessionIds).stream()
                        .collect(Collectors.groupingBy(v -> v.sessionId));
        List<Signpost> signposts = Signpost.list("referralId = ?1 order by signpostedAt, id", referralId);
        List<Concern> concerns = Concern.list("referralId = ?1 order by raisedAt", referralId);
        List<SessionPart> sessionParts = sessions.stream().map(s -> new SessionPart(
                SessionView.of(s, true, signposts.stream().filter(p -> s.id.equals(p.sessionId))
                                .map(SignpostView::of).toList(),
                        concerns.stream().filter(c -> s.id.equals(c.sessionId)).map(c -> c.id).toList()),
                versions.getOrDefault(s.id, List.of()).stream().map(v -> SessionVersionView.of(v, true)).toList()))
                .toList();

        List<GroupAttendance> attendance = GroupAttendance.list("referralId = ?1 order by recordedAt", referralId);
        List<GroupAttendancePart> groupParts = attendance.stream().map(a -> {
            GroupMeeting meeting = GroupMeeting.findById(a.meetingId);
            PeerGroup group = PeerGroup.findById(meeting.groupId);
            return new GroupAttendancePart(group.id, group.name, meeting.id, meeting.startedAt,
                    meeting.durationMinutes, meeting.medium, a.attendance, a.version, a.recordedAt, a.recordedBy);
        }).toList();

        List<Goal> goals = Goal.list("referralId = ?1 order by createdAt, id", referralId);
        Map<UUID, List<GoalProgress>> progress = goals.isEmpty() ? Map.of()
                : GoalProgress.<GoalProgress>list("goalId in ?1 order by recordedAt, id",
                        goals.stream().map(g -> g.id).toList()).stream()
                        .collect(Collectors.groupingBy(p -> p.goalId));

        return new SubjectAccess("session-service", referralId, now, caller.user(), referral, pairs, sessionParts,
                groupParts,
                goals.stream().map(g -> GoalView.of(g, progress.getOrDefault(g.id, List.of()), true)).toList(),
                signposts.stream().map(SignpostView::of).toList(),
                concerns.stream().map(c -> ConcernView.of(c, true, now)).toList());
    }
}
