package org.alongside.session.caseload;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alongside.session.goal.Goals;
import org.alongside.session.group.GroupAttendance;
import org.alongside.session.match.Match;
import org.alongside.session.match.Matches;
import org.alongside.session.recording.Session;
import org.alongside.session.safeguarding.Concerns;

/** A peer worker's current clients at a glance: who they have not seen for a while, what is planned, what is open. */
@ApplicationScoped
public class Caseload {

    private final Matches matches;
    private final Goals goals;
    private final Concerns concerns;
    private final People people;
    private final Clock clock;
    private final int noContactDays;

    Caseload(Matches matches, Goals goals, Concerns concerns, People people, Clock clock, CaseloadConfig config) {
        this.matches = matches;
        this.goals = goals;
        this.concerns = concerns;
        this.people = people;
        this.clock = clock;
        this.noContactDays = config.noContactDays();
    }

    public CaseloadView of(UUID peerId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Map<UUID, ReferralDirectory.Person>> named = people.ofPeer(peerId);
        List<CaseloadView.Client> clients = matches.activeOfPeer(peerId).stream()
                .map(match -> client(match, named.map(p -> p.get(match.referralId)).orElse(null), now))
                .sorted(Comparator.comparing(CaseloadView.Client::noContactFlag).reversed()
                        .thenComparing(Comparator.comparingLong(CaseloadView.Client::daysSinceLastContact).reversed())
                        .thenComparing(CaseloadView.Client::matchedAt))
                .toList();
        return new CaseloadView(peerId, noContactDays, clients.stream().filter(CaseloadView.Client::noContactFlag)
                .count(), named.isPresent(), clients);
    }

    private CaseloadView.Client client(Match match, ReferralDirectory.Person person, OffsetDateTime now) {
        UUID referralId = match.referralId;
        Optional<Session> last = Session.<Session>find("referralId = ?1 and status = ?2 and startedAt <= ?3 "
                        + "order by startedAt desc", referralId, Session.Status.RECORDED, now)
                .firstResultOptional();
        OffsetDateTime lastContact = latest(lastAttended(referralId, now), lastGroupAttended(referralId, now));
        OffsetDateTime futureSession = Session.getEntityManager().createQuery("""
                        select min(s.startedAt) from Session s
                        where s.referralId = ?1 and s.status = ?2 and s.startedAt > ?3""", OffsetDateTime.class)
                .setParameter(1, referralId).setParameter(2, Session.Status.RECORDED).setParameter(3, now)
                .getSingleResult();
        OffsetDateTime next = ContactRules.nextSession(futureSession, last.map(s -> s.nextSessionAt).orElse(null));
        long days = ContactRules.daysWithoutContact(lastContact, match.matchedAt, now);
        return new CaseloadView.Client(referralId, person == null ? null : CaseloadView.Person.of(person),
                match.matchedAt,
                last.map(s -> new CaseloadView.LastSession(s.id, s.startedAt, s.attendance, s.medium)).orElse(null),
                lastContact, days, ContactRules.flagged(days, noContactDays), next, next != null && next.isBefore(now),
                goals.openCount(referralId), concerns.openCount(referralId));
    }

    private static OffsetDateTime lastAttended(UUID referralId, OffsetDateTime now) {
        return Session.getEntityManager().createQuery("""
                        select max(s.startedAt) from Session s
                        where s.referralId = ?1 and s.status = ?2 and s.attendance = ?3 and s.startedAt <= ?4""",
                        OffsetDateTime.class)
                .setParameter(1, referralId).setParameter(2, Session.Status.RECORDED)
                .setParameter(3, Session.Attendance.ATTENDED).setParameter(4, now).getSingleResult();
    }

    private static OffsetDateTime lastGroupAttended(UUID referralId, OffsetDateTime now) {
        return GroupAttendance.getEntityManager().createQuery("""
                        select max(m.startedAt) from GroupAttendance a, GroupMeeting m
                        where a.meetingId = m.id and a.referralId = ?1 and a.attendance = ?2 and m.startedAt <= ?3""",
                        OffsetDateTime.class)
                .setParameter(1, referralId).setParameter(2, Session.Attendance.ATTENDED).setParameter(3, now)
                .getSingleResult();
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
