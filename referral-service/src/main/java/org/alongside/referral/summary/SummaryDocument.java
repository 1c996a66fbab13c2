package org.alongside.referral.summary;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.alongside.referral.fhir.FhirProfile;
import org.alongside.referral.lifecycle.Referral;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;

/**
 * The summary as a FHIR R4 document: a Bundle of type document whose first (and only) entry is a Composition with
 * one section per part, each a human-readable table. /work/shared/reference lists no code for such a document or
 * its sections, so they are named by text only: no code is invented.
 */
final class SummaryDocument {

    static final String IDENTIFIER_SYSTEM = "https://alongside.example/Id/end-of-support-summary";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private SummaryDocument() {
    }

    static Bundle bundle(Referral referral, Summary summary) {
        Date assembled = Date.from(summary.assembledAt().toInstant());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(assembled);
        bundle.setId(referral.id.toString());
        bundle.getMeta().addProfile(FhirProfile.UK_CORE_BUNDLE).setLastUpdated(assembled);
        bundle.setIdentifier(new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(referral.id.toString()));

        Composition composition = new Composition();
        UUID compositionId = UUID.nameUUIDFromBytes(("composition:" + referral.id).getBytes(StandardCharsets.UTF_8));
        composition.setId(compositionId.toString());
        composition.getMeta().addProfile(FhirProfile.UK_CORE_COMPOSITION);
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept().setText("End-of-support summary from a peer support service"));
        composition.setTitle("End of peer support: summary for the referrer");
        composition.setDate(assembled);
        composition.addAuthor(new Reference().setDisplay("Alongside peer support service"));
        composition.setIdentifier(new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(referral.id.toString()));
        if (referral.nhsNumber != null) {
            composition.setSubject(new Reference().setIdentifier(new Identifier().setSystem(FhirProfile.NHS_NUMBER)
                    .setValue(referral.nhsNumber)));
        }
        composition.setText(narrative("<p>Peer support ended on " + day(summary.closedAt()) + " ("
                + escape(humanise(summary.closeReason())) + "). Referral " + referral.id + ".</p>"));

        section(composition, "Dates", table(List.of("Referral received", "Matched with a peer", "Support ended"),
                List.of(List.of(day(summary.receivedAt()), day(summary.matchedAt()), day(summary.closedAt())))));
        section(composition, "Sessions by medium", rows(summary.sessions(),
                List.of("Medium", "Attended", "Did not attend", "Cancelled by the person", "Cancelled by the peer"),
                s -> List.of(humanise(s.medium()), String.valueOf(s.attended()), String.valueOf(s.didNotAttend()),
                        String.valueOf(s.cancelledByPerson()), String.valueOf(s.cancelledByPeer())),
                "No sessions were recorded."));
        section(composition, "Goals, in the person's words", rows(summary.goals(),
                List.of("Goal", "Status", "First progress rating (1-10)", "Last progress rating (1-10)"),
                g -> List.of(text(g.text()), humanise(g.status()), number(g.firstRating()), number(g.lastRating())),
                "No goals were recorded."));
        section(composition, "Outcome measures", rows(summary.measures(),
                List.of("Measure", "Baseline", "Latest", "Change", "Reliable change"),
                m -> List.of(m.name() == null ? m.instrument() : m.name(),
                        scoreOn(m.baselineScore(), m.baselineAt()), scoreOn(m.latestScore(), m.latestAt()),
                        text(m.change()), m.classification() == null ? "not defined" : humanise(m.classification())),
                "No outcome measures were recorded."));
        section(composition, "Signposting", rows(summary.signposting(),
                List.of("Resource", "Kind", "Taken up"),
                s -> List.of(text(s.name()), humanise(s.category()), humanise(s.takeUp())),
                "No one was signposted to other support."));
        section(composition, "Why support ended", "<p>" + escape(humanise(summary.closeReason())) + "</p>");

        bundle.addEntry().setFullUrl("urn:uuid:" + compositionId).setResource(composition);
        return bundle;
    }

    private static void section(Composition composition, String title, String xhtml) {
        composition.addSection().setTitle(title).setText(narrative(xhtml));
    }

    private static <T> String rows(List<T> items, List<String> headings, Function<T, List<String>> row,
            String none) {
        return items.isEmpty() ? "<p>" + escape(none) + "</p>" : table(headings, items.stream().map(row).toList());
    }

    private static String table(List<String> headings, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        headings.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static Narrative narrative(String xhtml) {
        Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>");
        return narrative;
    }

    private static String scoreOn(String score, OffsetDateTime at) {
        return score == null ? "-" : score + (at == null ? "" : " (" + day(at) + ")");
    }

    private static String day(OffsetDateTime at) {
        return at == null ? "-" : DAY.format(at.atZoneSameInstant(UK));
    }

    private static String number(Integer value) {
        return value == null ? "-" : value.toString();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    /** A code as words: GOALS_MET -> Goals met. */
    private static String humanise(String code) {
        if (code == null || code.isBlank()) {
            return "-";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
