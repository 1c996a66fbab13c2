package org.alongside.session.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alongside.platform.outbox.Outbox;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.access.Access;
import org.alongside.session.match.Matches;
import org.alongside.session.match.ReferralState;
import org.alongside.session.match.Restrictions;
import org.alongside.session.recording.Session;
import org.alongside.session.recording.SessionEvents;
import org.alongside.session.recording.SessionRules;
import org.alongside.session.recording.SessionsConfig;

/**
 * Groups, their meetings and attendance. Each member's attendance is published as its own session.recorded
 * (kind GROUP), so outcomes counts group and 1:1 support alike, per person.
 */
@ApplicationScoped
public class Groups {

    private final Matches matches;
    private final Outbox outbox;
    private final Restrictions restrictions;
    private final Clock clock;
    private final Duration futureWindow;

    Groups(Matches matches, Outbox outbox, Restrictions restrictions, Clock clock, SessionsConfig sessions) {
        this.matches = matches;
        this.outbox = outbox;
        this.restrictions = restrictions;
        this.clock = clock;
        this.futureWindow = sessions.futureWindow();
    }

    @Transactional
    public PeerGroup create(NewGroup request, Access access) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PeerGroup group = new PeerGroup();
        group.id = UUID.randomUUID();
        group.createdAt = now;
        group.createdBy = access.user();
        apply(group, request, now, access.user());
        group.persist();
        return group;
    }

    @Transactional
    public PeerGroup update(UUID id, NewGroup request, Access access) {
        PeerGroup group = PeerGroup.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw ProblemException.notFound("Group", id);
        }
        apply(group, request, OffsetDateTime.now(clock), access.user());
        return group;
    }

    /**
     * The group if the caller may see it: coordinators and admins every group, a supervisor the groups a peer they
     * supervise facilitates, a peer worker those they facilitate.
     */
    public PeerGroup visibleTo(UUID id, Access access) {
        PeerGroup group = PeerGroup.findById(id);
        if (group == null || !sees(group, access)) {
            throw ProblemException.notFound("Group", id);
        }
        return group;
    }

    public List<PeerGroup> list(Access access) {
        List<PeerGroup> all = PeerGroup.list("order by name, id");
        return all.stream().filter(g -> sees(g, access)).toList();
    }

    /** Records a meeting and its register, all or nothing; publishes one session.recorded per member. */
    @Transactional
    public GroupMeeting recordMeeting(UUID groupId, NewMeeting request, String idempotencyKey, Access access) {
        PeerGroup group = PeerGroup.findById(groupId, LockModeType.PESSIMISTIC_READ);
        if (group == null || !sees(group, access)) {
            throw ProblemException.notFound("Group", groupId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        SessionRules.checkStartedAt(request.startedAt(), now, futureWindow);
        SessionRules.checkPlaceType(request.medium(), request.placeType());
        List<NewMeeting.MemberAttendance> register = request.attendance();
        GroupRules.checkDistinctMembers(register.stream().map(NewMeeting.MemberAttendance::referralId).toList());
        for (int i = 0; i < register.size(); i++) {
            checkMember(register.get(i).referralId(), request.startedAt(), "attendance[" + i + "].referralId");
        }
        GroupRules.checkCapacity(GroupRules.attended(register.stream()
                .map(NewMeeting.MemberAttendance::attendance).toList()), group.capacity, group.name);

        GroupMeeting meeting = new GroupMeeting();
        meeting.id = UUID.randomUUID();
        meeting.groupId = group.id;
        meeting.startedAt = request.startedAt();
        meeting.durationMinutes = request.durationMinutes();
        meeting.medium = request.medium();
        meeting.placeType = request.placeType();
        meeting.focus = request.focus() == null ? List.of() : request.focus().stream().distinct().toList();
        meeting.recordedAt = now;
        meeting.recordedBy = access.user();
        meeting.idempotencyKey = idempotencyKey;
        meeting.persist();
        for (NewMeeting.MemberAttendance entry : register) {
            GroupAttendance attendance = new GroupAttendance();
            attendance.id = UUID.randomUUID();
            attendance.meetingId = meeting.id;
            attendance.referralId = entry.referralId();
            attendance.attendance = entry.attendance();
            attendance.version = 1;
            attendance.recordedAt = now;
            attendance.recordedBy = access.user();
            attendance.persist();
            publish(group, meeting, attendance);
        }
        return meeting;
    }

    /**
     * Corrects one member's attendance, or adds a member left off the register; the capacity still holds.
     * The same attendance again changes nothing.
     */
    @Transactional
    public GroupMeeting recordAttendance(UUID groupId, UUID meetingId, UUID referralId,
            Session.Attendance value, Access access) {
        PeerGroup group = visibleTo(groupId, access);
        GroupMeeting meeting = GroupMeeting.findById(meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting == null || !meeting.groupId.equals(groupId)) {
            throw ProblemException.notFound("Meeting", meetingId);
        }
        List<GroupAttendance> register = registerOf(meetingId);
        Optional<GroupAttendance> existing = register.stream().filter(a -> a.referralId.equals(referralId))
                .findFirst();
        if (existing.isPresent() && existing.get().attendance == value) {
            return meeting;
        }
        restrictions.requireMayRecord(referralId);
        List<Session.Attendance> after = new ArrayList<>(register.stream()
                .filter(a -> !a.referralId.equals(referralId)).map(a -> a.attendance).toList());
        after.add(value);
        GroupRules.checkCapacity(GroupRules.attended(after), group.capacity, group.name);

        OffsetDateTime now = OffsetDateTime.now(clock);
        GroupAttendance attendance = existing.orElseGet(() -> {
            checkMember(referralId, meeting.startedAt, "referralId");
            GroupAttendance added = new GroupAttendance();
            added.id = UUID.randomUUID();
            added.meetingId = meetingId;
            added.referralId = referralId;
            added.version = 0;
            return added;
        });
        attendance.attendance = value;
        attendance.version++;
        attendance.recordedAt = now;
        attendance.recordedBy = access.user();
        if (existing.isEmpty()) {
            attendance.persist();
        }
        publish(group, meeting, attendance);
        return meeting;
    }

    public Optional<GroupMeeting> byIdempotencyKey(String key) {
        return key == null ? Optional.empty() : GroupMeeting.find("idempotencyKey", key).firstResultOptional();
    }

    /** A group's meetings, most recent first. */
    public List<GroupMeeting> meetings(UUID groupId, Access access) {
        visibleTo(groupId, access);
        return GroupMeeting.list("groupId = ?1 order by startedAt desc, recordedAt desc", groupId);
    }

    public List<GroupAttendance> registerOf(UUID meetingId) {
        return GroupAttendance.list("meetingId = ?1 order by recordedAt, id", meetingId);
    }

    /** Each meeting's register. */
    public Map<UUID, List<GroupAttendance>> registersOf(List<GroupMeeting> meetings) {
        if (meetings.isEmpty()) {
            return Map.of();
        }
        return GroupAttendance.<GroupAttendance>list("meetingId in ?1 order by recordedAt, id",
                        meetings.stream().map(m -> m.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.meetingId));
    }

    /** Everyone on any of the group's registers. */
    public List<UUID> members(UUID groupId) {
        return GroupAttendance.getEntityManager().createQuery("""
                        select distinct a.referralId from GroupAttendance a, GroupMeeting m
                        where a.meetingId = m.id and m.groupId = ?1 order by a.referralId""", UUID.class)
                .setParameter(1, groupId).getResultList();
    }

    public Optional<OffsetDateTime> lastMeetingAt(UUID groupId) {
        return Optional.ofNullable(GroupMeeting.getEntityManager().createQuery(
                        "select max(m.startedAt) from GroupMeeting m where m.groupId = ?1", OffsetDateTime.class)
                .setParameter(1, groupId).getSingleResult());
    }

    private void checkMember(UUID referralId, OffsetDateTime at, String field) {
        restrictions.requireMayRecord(referralId);
        Optional<ReferralState> referral = matches.referral(referralId);
        if (referral.isEmpty() || !referral.get().openAt(at)) {
            String message = referral.isEmpty() || referral.get().acceptedAt == null
                    ? "referral " + referralId + " is not an accepted referral"
                    : "referral " + referralId + " was " + referral.get().endedAs + " at " + referral.get().endedAt;
            throw new ProblemException(409, "not-a-member", "Conflict", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
    }

    private void publish(PeerGroup group, GroupMeeting meeting, GroupAttendance attendance) {
        outbox.publish(SessionEvents.groupAttendance(
                attendance.id, attendance.referralId, group.id, meeting.id, meeting.startedAt,
                meeting.durationMinutes, meeting.medium, meeting.placeType, attendance.attendance, meeting.focus,
                attendance.recordedAt, attendance.version));
    }

    private static boolean sees(PeerGroup group, Access access) {
        // coordinators and admins see every group; a supervisor those their peers facilitate; a peer their own
        return access.isCoordinatorOrAdmin() || group.facilitators.stream().anyMatch(access::overseesPeer);
    }

    private static void apply(PeerGroup group, NewGroup request, OffsetDateTime now, String by) {
        group.name = request.name().strip();
        group.focus = request.focus().strip();
        group.leadership = request.leadership();
        group.facilitators = GroupRules.checkFacilitators(request.leadership(), request.facilitators());
        group.capacity = request.capacity();
        group.updatedAt = now;
        group.updatedBy = by;
    }
}
