package org.alongside.referral.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.alongside.platform.events.support.Medium;
import org.alongside.referral.lifecycle.Referral;
import org.alongside.referral.lifecycle.ReferralStatus;
import org.alongside.referral.lifecycle.StatusChange;

/** A summary from the referral, its history and what the other services answered. */
final class SummaryAssembly {

    private SummaryAssembly() {
    }

    static Summary of(Referral referral, List<StatusChange> history, SupportRecord.Parts parts,
            OffsetDateTime assembledAt) {
        return new Summary(referral.id, referral.receivedAt, firstChangeTo(history, ReferralStatus.MATCHED),
                firstChangeTo(history, ReferralStatus.CLOSED), referral.statusReason, sessions(parts.sessions()),
                parts.goals().stream().map(SummaryAssembly::goal).toList(),
                parts.outcomes().stream().map(SummaryAssembly::measure).toList(),
                parts.signposting().stream().map(s -> new Summary.Signpost(text(s, "name"), text(s, "category"),
                        text(s, "takeUp"))).toList(),
                assembledAt);
    }

    private static OffsetDateTime firstChangeTo(List<StatusChange> history, ReferralStatus status) {
        return history.stream().filter(c -> c.toStatus == status).map(c -> c.changedAt).findFirst().orElse(null);
    }

    /** Sessions by medium, the contract's media first in their order; sessions entered in error are not counted. */
    private static List<Summary.Sessions> sessions(List<JsonNode> sessions) {
        Map<String, int[]> byMedium = new LinkedHashMap<>();
        for (Medium medium : Medium.values()) {
            byMedium.put(medium.name(), new int[4]);
        }
        for (JsonNode session : sessions) {
            if ("ENTERED_IN_ERROR".equals(text(session, "status"))) {
                continue;
            }
            String medium = text(session, "medium");
            int[] counts = byMedium.computeIfAbsent(medium == null ? "NOT_RECORDED" : medium, m -> new int[4]);
            switch (String.valueOf(text(session, "attendance"))) {
                case "ATTENDED" -> counts[0]++;
                case "DID_NOT_ATTEND" -> counts[1]++;
                case "CANCELLED_BY_CLIENT" -> counts[2]++;
                case "CANCELLED_BY_PEER" -> counts[3]++;
                default -> {
                    // an attendance this summary does not know is not counted as any of these
                }
            }
        }
        List<Summary.Sessions> held = new ArrayList<>();
        byMedium.forEach((medium, c) -> {
            if (c[0] + c[1] + c[2] + c[3] > 0) {
                held.add(new Summary.Sessions(medium, c[0], c[1], c[2], c[3]));
            }
        });
        return held;
    }

    private static Summary.Goal goal(JsonNode goal) {
        List<Integer> ratings = StreamSupport.stream(goal.path("progress").spliterator(), false)
                .filter(step -> step.path("rating").isInt()).map(step -> step.path("rating").asInt()).toList();
        return new Summary.Goal(text(goal, "text"), text(goal, "status"), ratings.isEmpty() ? null : ratings.get(0),
                ratings.isEmpty() ? null : ratings.get(ratings.size() - 1));
    }

    /** Baseline and latest of one instrument's series (earliest first), and the latest change outcomes-service gives. */
    private static Summary.Measure measure(JsonNode instrument) {
        List<JsonNode> series = new ArrayList<>();
        instrument.path("series").forEach(series::add);
        String baselineId = text(instrument, "baselineMeasurementId");
        JsonNode baseline = series.stream().filter(m -> baselineId != null && baselineId.equals(text(m, "id")))
                .findFirst().orElse(null);
        JsonNode change = instrument.path("latestChange");
        String latestId = text(change, "measurementId");
        JsonNode latest = series.stream().filter(m -> latestId != null && latestId.equals(text(m, "id")))
                .findFirst().orElse(series.isEmpty() ? null : series.get(series.size() - 1));
        if (latest == baseline) {
            latest = null;
        }
        return new Summary.Measure(text(instrument, "instrument"), text(instrument, "name"),
                baseline == null ? null : score(baseline.path("score")), time(baseline),
                latest == null ? null : score(latest.path("score")), time(latest),
                latest == null ? null : text(latest, "timepoint"),
                latest == null || latestId == null ? null : score(change.path("fromBaseline")),
                latest == null || latestId == null ? null : text(change, "classification"));
    }

    /** A score as outcomes-service gives it: a number, or per item ("satisfaction 7, anxiety 3"). */
    private static String score(JsonNode score) {
        if (score.isNumber()) {
            return score.decimalValue().toPlainString();
        }
        if (score.isObject()) {
            return score.properties().stream().filter(e -> !e.getValue().isNull())
                    .map(e -> e.getKey() + " " + score(e.getValue())).collect(Collectors.joining(", "));
        }
        return score.isMissingNode() || score.isNull() ? null : score.asText();
    }

    private static OffsetDateTime time(JsonNode measurement) {
        String at = measurement == null ? null : text(measurement, "completedAt");
        return at == null ? null : OffsetDateTime.parse(at);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
