package org.alongside.session.caseload;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
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
import org.hibernate.query.NativeQuery;

/** A peer worker's current clients at a glance: who they have not seen for a while, what is planned, what is open. */
@ApplicationScoped
public class Caseload {

    /**
     * {@link #summaries}: per current client, what {@link #client} works out one query at a time (the last contact,
     * the next session, open concerns), then counted per peer. A peer in scope without clients answers zeros.
     */
    private static final String SUMMARIES = """
            WITH peers AS (%s),
            clients AS (
                SELECT m.peer_id, m.matched_at,
                       greatest(
                           (SELECT max(s.started_at) FROM support_session s
                            WHERE s.referral_id = m.referral_id AND s.status = 'RECORDED'
                              AND s.attendance = 'ATTENDED' AND s.started_at <= :now),
                           (SELECT max(g.started_at) FROM group_attendance a JOIN group_meeting g ON g.id = a.meeting_id
                            WHERE a.referral_id = m.referral_id AND a.attendance = 'ATTENDED' AND g.started_at <= :now)
                       ) AS last_contact,
                       coalesce(
                           (SELECT min(s.started_at) FROM support_session s
                            WHERE s.referral_id = m.referral_id AND s.status = 'RECORDED' AND s.started_at > :now),
                           (SELECT s.next_session_at FROM support_session s
                            WHERE s.referral_id = m.referral_id AND s.status = 'RECORDED' AND s.started_at <= :now
                            ORDER BY s.started_at DESC LIMIT 1)
                       ) AS next_session,
                       (SELECT count(*) FROM safeguarding_concern c
                        WHERE c.referral_id = m.referral_id AND c.status <> 'CLOSED') AS open_concerns
                FROM peer_match m JOIN peers p ON p.peer_id = m.peer_id
                WHERE m.ended_at IS NULL)
            SELECT p.peer_id AS peer_id,
                   count(c.peer_id) AS clients,
                   count(*) FILTER (WHERE coalesce(c.last_contact, c.matched_at) <= :flagged_since) AS out_of_contact,
                   count(*) FILTER (WHERE c.next_session < :now) AS next_overdue,
                   min(c.next_session) FILTER (WHERE c.next_session >= :now) AS next_session_at,
                   coalesce(sum(c.open_concerns), 0) AS open_concerns
            FROM peers p LEFT JOIN clients c ON c.peer_id = p.peer_id
            GROUP BY p.peer_id
            ORDER BY out_of_contact DESC, clients DESC, p.peer_id""";
    /** Every peer this service knows to be working: with a current match or a current supervisor. */
    private static final String EVERY_PEER = """
            SELECT peer_id FROM peer_match WHERE ended_at IS NULL
            UNION SELECT peer_id FROM supervisor_assignment WHERE ended_at IS NULL""";
    private static final String NAMED_PEERS = "SELECT DISTINCT unnest(CAST(:peers AS uuid[])) AS peer_id";

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

    /**
     * Each peer's caseload in figures, by the same rules as {@link #of} and in one statement however many peers:
     * those named, or (null) every peer this service knows to be working. The most clients out of contact first.
     */
    public List<CaseloadSummary> summaries(Collection<UUID> peers) {
        if (peers != null && peers.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        NativeQuery<?> query = Match.getEntityManager()
                .createNativeQuery(SUMMARIES.formatted(peers == null ? EVERY_PEER : NAMED_PEERS))
                .unwrap(NativeQuery.class)
                .addScalar("peer_id", UUID.class).addScalar("clients", Long.class)
                .addScalar("out_of_contact", Long.class).addScalar("next_overdue", Long.class)
                .addScalar("next_session_at", OffsetDateTime.class).addScalar("open_concerns", Long.class)
                .setParameter("now", now)
                .setParameter("flagged_since", ContactRules.flaggedIfSinceAtOrBefore(now, noContactDays));
        if (peers != null) {
            query.setParameter("peers", peers.toArray(UUID[]::new));
        }
        return query.getResultList().stream().map(Object[].class::cast)
                .map(row -> new CaseloadSummary((UUID) row[0], (Long) row[1], (Long) row[2], noContactDays,
                        (Long) row[3], (OffsetDateTime) row[4], (Long) row[5]))
                .toList();
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
