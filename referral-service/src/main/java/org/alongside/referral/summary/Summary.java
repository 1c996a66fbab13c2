package org.alongside.referral.summary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the referrer is told when support ends, as assembled from the four services: the dates, the sessions by
 * medium, the person's goals in their own words with their first and last ratings, the outcome measures from
 * baseline to latest, the signposting and whether it was taken up, and why support ended.
 */
public record Summary(
        UUID referralId,
        OffsetDateTime receivedAt,
        OffsetDateTime matchedAt,
        OffsetDateTime closedAt,
        String closeReason,
        List<Sessions> sessions,
        List<Goal> goals,
        List<Measure> measures,
        List<Signpost> signposting,
        OffsetDateTime assembledAt) {

    /** The sessions held in one medium (sessions entered in error not counted). */
    public record Sessions(String medium, int attended, int didNotAttend, int cancelledByPerson,
            int cancelledByPeer) {
    }

    /** A goal as the person put it, with its first and last progress ratings (1 to 10), when rated. */
    public record Goal(String text, String status, Integer firstRating, Integer lastRating) {
    }

    /**
     * One instrument: its baseline and latest scores as outcomes-service gives them (per item for instruments
     * reported item by item), the change between them and its classification by the instrument's threshold, if any.
     */
    public record Measure(String instrument, String name, String baselineScore, OffsetDateTime baselineAt,
            String latestScore, OffsetDateTime latestAt, String latestTimepoint, String change,
            String classification) {
    }

    public record Signpost(String name, String category, String takeUp) {
    }
}
