package org.alongside.session.recording;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.match.Match;

/** Session rules that need no database: what may be recorded, by whom, under which match; who reads notes. */
public final class SessionRules {

    private SessionRules() {
    }

    /** A session may be logged ahead of time (the evening before), but not further ahead than the window. */
    public static void checkStartedAt(OffsetDateTime startedAt, OffsetDateTime now, Duration futureWindow) {
        if (startedAt.isAfter(now.plus(futureWindow))) {
            throw ProblemException.invalid("startedAt", "must not be more than " + describe(futureWindow)
                    + " in the future");
        }
    }

    /** An attended session worked on something; a missed or cancelled one may have no focus. */
    public static void checkFocus(Session.Attendance attendance, List<Session.Focus> focus) {
        if (attendance == Session.Attendance.ATTENDED && focus.isEmpty()) {
            throw ProblemException.invalid("focus", "must name at least one focus area for an attended session");
        }
    }

    /**
     * The match a session is recorded under.
     *
     * @param peerWorker the recording peer worker's own peer id; empty when a coordinator or admin records
     * @param pairMatches every match, current or ended, between the referral and {@code peerId}
     */
    public static Match matchToRecordUnder(Optional<UUID> peerWorker, UUID referralId, UUID peerId,
            List<Match> pairMatches, OffsetDateTime startedAt) {
        Optional<Match> active = pairMatches.stream().filter(Match::isActive).findFirst();
        if (peerWorker.isPresent()) {
            // someone else's session or client is out of scope, and out of scope looks like absent
            if (!peerWorker.get().equals(peerId) || active.isEmpty()) {
                throw notYourClient(referralId);
            }
            return active.get();
        }
        if (active.isPresent()) {
            return active.get();
        }
        if (pairMatches.isEmpty()) {
            throw ProblemException.conflict("no-accepted-match",
                    "referral " + referralId + " has no accepted match with peer " + peerId);
        }
        // a coordinator may catch up on sessions held before the match ended, not after
        return pairMatches.stream()
                .filter(m -> startedAt.isBefore(m.endedAt))
                .max(Comparator.comparing(m -> m.matchedAt))
                .orElseThrow(() -> ProblemException.conflict("match-ended", "referral " + referralId
                        + " is no longer matched with peer " + peerId + " (the match ended at "
                        + latestEnd(pairMatches) + "); only sessions that started before then can be recorded"));
    }

    /** Notes are for the peer who holds the session and for coordinators and admins; other readers get none. */
    public static boolean mayReadNotes(boolean coordinatorOrAdmin, Optional<UUID> peerWorker, UUID sessionPeer) {
        return coordinatorOrAdmin || peerWorker.map(sessionPeer::equals).orElse(false);
    }

    public static ProblemException notYourClient(UUID referralId) {
        return new ProblemException(404, "not-found", "Not found",
                "referral " + referralId + " is not one of your clients", List.of());
    }

    private static OffsetDateTime latestEnd(List<Match> matches) {
        return matches.stream().map(m -> m.endedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static String describe(Duration window) {
        long hours = window.toHours();
        if (hours > 0 && window.equals(Duration.ofHours(hours))) {
            return hours % 24 == 0 ? plural(hours / 24, "day") : plural(hours, "hour");
        }
        return plural(window.toMinutes(), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
