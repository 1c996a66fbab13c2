package org.alongside.session.recording;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alongside.platform.problem.ProblemException;
import org.alongside.session.access.AccessRules;
import org.alongside.session.match.Match;
import org.alongside.session.vocabulary.Focus;

/** Session rules that need no database: what may be recorded, by whom, under which match. */
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
    public static void checkFocus(Session.Attendance attendance, List<Focus> focus) {
        if (attendance == Session.Attendance.ATTENDED && focus.isEmpty()) {
            throw ProblemException.invalid("focus", "must name at least one focus area for an attended session");
        }
    }

    /** A place only describes a visit in person. */
    public static void checkPlaceType(Session.Medium medium, Session.PlaceType placeType) {
        if (placeType != null && medium != Session.Medium.IN_PERSON) {
            throw ProblemException.invalid("placeType", "only applies to a session IN_PERSON, not " + medium);
        }
    }

    /** The next session is planned after this one, and not so far ahead that it is surely a typing slip. */
    public static void checkNextSessionAt(OffsetDateTime nextSessionAt, OffsetDateTime startedAt, OffsetDateTime now,
            Duration horizon) {
        if (nextSessionAt == null) {
            return;
        }
        if (!nextSessionAt.isAfter(startedAt)) {
            throw ProblemException.invalid("nextSessionAt", "must be after startedAt");
        }
        if (nextSessionAt.isAfter(now.plus(horizon))) {
            throw ProblemException.invalid("nextSessionAt", "must not be more than " + describe(horizon)
                    + " ahead");
        }
    }

    /** Every content rule of a session, recorded or corrected. */
    static void checkContent(SessionContent content, OffsetDateTime now, Duration futureWindow,
            Duration nextSessionHorizon) {
        checkStartedAt(content.startedAt(), now, futureWindow);
        checkFocus(content.attendance(), content.focus());
        checkPlaceType(content.medium(), content.placeType());
        checkNextSessionAt(content.nextSessionAt(), content.startedAt(), now, nextSessionHorizon);
    }

    /**
     * The match a session is recorded under.
     *
     * @param peerWorker the recording peer worker's own peer id; empty when a coordinator or admin records
     * @param pairMatches every match, current or ended, between the referral and {@code peerId}, latest first
     */
    public static Match matchToRecordUnder(Optional<UUID> peerWorker, UUID referralId, UUID peerId,
            List<Match> pairMatches, OffsetDateTime startedAt) {
        Optional<Match> active = pairMatches.stream().filter(Match::isActive).findFirst();
        if (peerWorker.isPresent()) {
            // someone else's session or client is out of scope, and out of scope looks like absent
            if (!peerWorker.get().equals(peerId)) {
                throw AccessRules.notYourClient(referralId);
            }
            if (active.isPresent()) {
                return active.get();
            }
            // the peer's own support of this person ended (not handed to another peer): say so, they knew them
            Optional<Match> ended = pairMatches.stream().max(Comparator.comparing(m -> m.matchedAt))
                    .filter(m -> !Match.REPLACED.equals(m.endReason));
            throw ended.map(m -> ProblemException.conflict("match-ended", "your support of referral " + referralId
                    + " ended at " + m.endedAt + " (" + m.endReason + "); you can no longer record sessions for it. "
                    + "A coordinator can record a session held before then"))
                    .orElseGet(() -> AccessRules.notYourClient(referralId));
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

    /**
     * Who may change a session they can see: a coordinator or admin, or the peer who held it while the person is
     * still their client. A mistaken record is corrected, never changed after it was marked entered-in-error.
     */
    public static void checkMayChange(Session session, Optional<UUID> peerWorker) {
        if (peerWorker.isPresent() && !peerWorker.get().equals(session.peerId)) {
            throw ProblemException.forbidden("Only the peer who held session " + session.id
                    + " or a coordinator may change it");
        }
        if (session.status == Session.Status.ENTERED_IN_ERROR) {
            throw ProblemException.conflict("entered-in-error", "session " + session.id
                    + " was marked entered-in-error and can no longer change");
        }
    }

    private static OffsetDateTime latestEnd(List<Match> matches) {
        return matches.stream().map(m -> m.endedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    static String describe(Duration window) {
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
