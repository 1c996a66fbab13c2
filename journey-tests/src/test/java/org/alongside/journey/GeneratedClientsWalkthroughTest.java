package org.alongside.journey;

import static org.alongside.journey.Suite.Service.MATCHING;
import static org.alongside.journey.Suite.Service.OUTCOMES;
import static org.alongside.journey.Suite.Service.REFERRAL;
import static org.alongside.journey.Suite.Service.SESSION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.alongside.client.matching.api.PeersApi;
import org.alongside.client.matching.api.ProposalsApi;
import org.alongside.client.matching.model.Peer;
import org.alongside.client.matching.model.PeerInput;
import org.alongside.client.matching.model.Proposal;
import org.alongside.client.matching.model.ReferralProposals;
import org.alongside.client.outcomes.api.DashboardApi;
import org.alongside.client.outcomes.api.MeasurementsApi;
import org.alongside.client.outcomes.model.DashboardSummary;
import org.alongside.client.outcomes.model.Figure;
import org.alongside.client.outcomes.model.Measurement;
import org.alongside.client.outcomes.model.NewMeasurement;
import org.alongside.client.outcomes.model.Timepoint;
import org.alongside.client.referral.api.ReferralsApi;
import org.alongside.client.referral.model.Consent;
import org.alongside.client.referral.model.Gender;
import org.alongside.client.referral.model.HistoryEntry;
import org.alongside.client.referral.model.NewReferral;
import org.alongside.client.referral.model.Person;
import org.alongside.client.referral.model.PersonPatch;
import org.alongside.client.referral.model.Preferences;
import org.alongside.client.referral.model.Referral;
import org.alongside.client.referral.model.ReferralCorrectionPatch;
import org.alongside.client.referral.model.ReferralStatus;
import org.alongside.client.referral.model.Referrer;
import org.alongside.client.referral.model.ReferrerType;
import org.alongside.client.session.api.GoalsWellnessPlanApi;
import org.alongside.client.session.api.SessionsApi;
import org.alongside.client.session.model.Attendance;
import org.alongside.client.session.model.Focus;
import org.alongside.client.session.model.NewSession;
import org.alongside.client.session.model.Session;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, taken as an integrator would take it: entirely through the Java clients the build
 * generates from each service's OpenAPI document (openapi-generator, okhttp-gson, see journey-tests/pom.xml), unchanged,
 * against the running suite, with tokens as the README gets them. A generated client that throws on a real answer
 * fails this test: the answer broke the document the client was generated from.
 * <p>
 * Generated method and model names follow the documents' operationIds and schema names: when those change, only the
 * calls below change with them.
 */
class GeneratedClientsWalkthroughTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(60);
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final String ODS = "B82001";
    private static final String DIABETES = "44054006";

    private final Suite suite = Suite.get();

    @Test
    void theReadmeWalkThroughRunsThroughTheGeneratedClients() throws Exception {
        String coordinator = Tokens.as("coordinator");
        String gp = Tokens.referrer(ODS);
        String commissioner = Tokens.as("commissioner");
        DashboardApi dashboard = new DashboardApi(outcomesClient(commissioner));
        DashboardSummary before = dashboard.getDashboardSummary(null, null, null);

        // 1. A peer worker who lives with type 2 diabetes joins the service
        Peer sam = new PeersApi(matchingClient(coordinator)).createPeer(new PeerInput()
                .displayName("Sam").gender(org.alongside.client.matching.model.Gender.FEMALE)
                .languages(List.of("en"))
                .settings(List.of(org.alongside.client.matching.model.Setting.ONE_TO_ONE))
                .media(List.of(org.alongside.client.matching.model.Medium.IN_PERSON,
                        org.alongside.client.matching.model.Medium.TELEPHONE))
                .capacity(5).active(true).experiences(List.of("carer"))
                .livedExperience(List.of(new org.alongside.client.matching.model.Condition()
                        .snomedCode(DIABETES).display("Type 2 diabetes mellitus")
                        .kind(org.alongside.client.matching.model.ConditionKind.PHYSICAL))));
        assertNotNull(sam.getId());

        // 2. A GP practice refers a patient (the Idempotency-Key makes a retry safe)
        ReferralsApi referralsAsCoordinator = new ReferralsApi(referralClient(coordinator));
        Referral referral = new ReferralsApi(referralClient(gp)).createReferral(new NewReferral()
                .referrer(new Referrer().type(ReferrerType.GP_PRACTICE).odsCode(ODS))
                .person(new Person().nhsNumber(NhsNumbers.next()).givenName("Ada").familyName("Quayle")
                        .birthDate(LocalDate.of(1961, 4, 9)).gender(Gender.FEMALE).postcode("LS6 2AB")
                        .language("en"))
                .conditions(List.of(
                        new org.alongside.client.referral.model.Condition().snomedCode(DIABETES)
                                .display("Type 2 diabetes mellitus")
                                .kind(org.alongside.client.referral.model.ConditionKind.PHYSICAL),
                        new org.alongside.client.referral.model.Condition().snomedCode("35489007")
                                .display("Depressive disorder")
                                .kind(org.alongside.client.referral.model.ConditionKind.MENTAL)))
                .reason("I feel on my own with the diabetes")
                .preferences(new Preferences()
                        .settings(List.of(org.alongside.client.referral.model.Setting.ONE_TO_ONE))
                        .media(List.of(org.alongside.client.referral.model.Medium.IN_PERSON))
                        .sharedCondition(true))
                .consent(new Consent().peerSupport(true).shareWithGp(true))
                .imdDecile(2), UUID.randomUUID().toString());
        UUID referralId = referral.getId();
        assertEquals(ReferralStatus.RECEIVED, referral.getStatus());

        // 3. The coordinator accepts it after triage
        assertEquals(ReferralStatus.ACCEPTED, referralsAsCoordinator.acceptReferral(referralId).getStatus());

        // 4. Matching proposes peers (it hears of the acceptance through Kafka), with reasons; 404 until then
        ProposalsApi proposals = new ProposalsApi(matchingClient(coordinator));
        ReferralProposals proposed = await().atMost(PROMPTLY)
                .ignoreExceptionsMatching(e -> e instanceof org.alongside.client.matching.ApiException a
                        && a.getCode() == 404)
                .until(() -> proposals.getReferralProposals(referralId), p -> !p.getProposals().isEmpty());
        // other tests' peers may be proposed too: take Sam's proposal if there is one, else the best
        Proposal chosen = proposed.getProposals().stream().filter(p -> sam.getId().equals(p.getPeerId()))
                .findFirst().orElse(proposed.getProposals().getFirst());
        assertFalse(chosen.getReasons().isEmpty(), "a proposal says why: " + chosen);
        assertTrue(chosen.getReasons().stream().allMatch(r -> r.getDetail() != null && !r.getDetail().isBlank()),
                "every reason reads as a sentence: " + chosen.getReasons());
        if (chosen.getPeerId().equals(sam.getId())) {
            assertTrue(chosen.getReasons().stream().anyMatch(r -> r.getDetail().toLowerCase().contains("diabetes")),
                    "Sam is proposed for the diabetes they share: " + chosen.getReasons());
        }
        UUID peerId = chosen.getPeerId();
        // the generated client asks for this one with "Accept: application/problem+json" (its 404 is documented
        // first): the service still answers the JSON the operation documents
        assertTrue(proposals.listRuledOutPeers(referralId, null, null).getItems().isEmpty());

        // 5. The person chooses their peer; the referral becomes MATCHED once referral-service hears of it
        proposals.acceptProposal(chosen.getId());
        await().atMost(PROMPTLY).until(() -> referralsAsCoordinator.getReferral(referralId).getStatus(),
                ReferralStatus.MATCHED::equals);

        // 6. The peer worker records the first session (they see the person once session-service has heard of the
        //    match: 404 until then); the referral becomes ACTIVE
        String peerWorker = Tokens.peerWorker(peerId);
        GoalsWellnessPlanApi goals = new GoalsWellnessPlanApi(sessionClient(peerWorker));
        await().atMost(PROMPTLY)
                .ignoreExceptionsMatching(e -> e instanceof org.alongside.client.session.ApiException a
                        && a.getCode() == 404)
                .until(() -> goals.listGoals(referralId, null, null) != null);
        Session session = new SessionsApi(sessionClient(peerWorker)).recordSession(new NewSession()
                .referralId(referralId).peerId(peerId)
                .startedAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)).durationMinutes(45)
                .medium(org.alongside.client.session.model.Medium.IN_PERSON)
                .attendance(Attendance.ATTENDED).focus(List.of(Focus.EMOTIONAL_SUPPORT))
                .notes("Talked about living with the diagnosis"), UUID.randomUUID().toString());
        assertEquals(referralId, session.getReferralId());
        await().atMost(PROMPTLY).until(() -> referralsAsCoordinator.getReferral(referralId).getStatus(),
                ReferralStatus.ACTIVE::equals);

        // the peer worker records the person's baseline PHQ-9 (outcomes-service learns of the match from events)
        MeasurementsApi measurements = new MeasurementsApi(outcomesClient(peerWorker));
        NewMeasurement phq9 = new NewMeasurement().referralId(referralId).instrument("PHQ9")
                .timepoint(Timepoint.BASELINE).completedAt(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30))
                .answers(List.of(1, 2, 1, 0, 1, 2, 1, 0, 0));
        Measurement baseline = await().atMost(PROMPTLY)
                .ignoreExceptionsMatching(e -> e instanceof org.alongside.client.outcomes.ApiException a
                        && a.getCode() == 404)
                .until(() -> measurements.recordMeasurement(phq9), m -> m != null);
        assertEquals(8, baseline.getRawScore(), "PHQ-9 is the sum of its items");
        assertEquals(Boolean.FALSE, baseline.getCaseness(), "8 is below PHQ-9's caseness cut-off of 10");
        assertEquals(Boolean.FALSE, baseline.getRiskFlagged(), "item 9 answered 0 raises no flag");

        // 7. The commissioner sees the counts, built only from events
        await().atMost(PROMPTLY).untilAsserted(() -> {
            DashboardSummary after = dashboard.getDashboardSummary(null, null, null);
            assertEquals(plusOne(before.getReferralsReceived()), count(after.getReferralsReceived()), "referralsReceived");
            assertEquals(plusOne(before.getReferralsAccepted()), count(after.getReferralsAccepted()), "referralsAccepted");
            assertEquals(plusOne(before.getReferralsMatched()), count(after.getReferralsMatched()), "referralsMatched");
            assertEquals(plusOne(before.getReferralsActive()), count(after.getReferralsActive()), "referralsActive");
            assertEquals(plusOne(before.getSessionsAttended()), count(after.getSessionsAttended()), "sessionsAttended");
        });

        // and the referral's history tells its story
        List<HistoryEntry> history = referralsAsCoordinator.getReferralHistory(referralId, null, null).getItems();
        assertEquals(List.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.MATCHED,
                ReferralStatus.ACTIVE), history.stream().map(HistoryEntry::getToStatus).toList());
    }

    @Test
    void aCorrectionThroughTheGeneratedClientSendsOnlyWhatChanges() throws Exception {
        ReferralsApi referrals = new ReferralsApi(referralClient(Tokens.as("coordinator")));
        Referral referral = referrals.createReferral(new NewReferral()
                .referrer(new Referrer().type(ReferrerType.GP_PRACTICE).odsCode(ODS))
                .person(new Person().nhsNumber(NhsNumbers.next()).givenName("Ada").familyName("Quayle")
                        .birthDate(LocalDate.of(1961, 4, 9)).phone("0113 496 0000"))
                .conditions(List.of(new org.alongside.client.referral.model.Condition().snomedCode(DIABETES)
                        .display("Type 2 diabetes mellitus")
                        .kind(org.alongside.client.referral.model.ConditionKind.PHYSICAL)))
                .reason("I feel on my own with the diabetes")
                .consent(new Consent().peerSupport(true)), UUID.randomUUID().toString());

        // the patch's model requires nothing: the client sends the one field set, the service merges it in
        Referral corrected = referrals.correctReferral(referral.getId(),
                new ReferralCorrectionPatch().person(new PersonPatch().phone("07700 900123")));
        assertEquals("07700 900123", corrected.getPerson().getPhone());
        assertEquals("Quayle", corrected.getPerson().getFamilyName());
        assertEquals(1, corrected.getConditions().size());
        assertEquals(List.of("person.phone"),
                referrals.getReferralHistory(referral.getId(), null, null).getItems().getLast().getChangedFields());
    }

    @Test
    void theClientsComeFromTheDocumentsTheServicesServe() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Suite.Service service : Suite.Service.values()) {
            JsonNode stored = json.readTree(
                    ServiceProcess.root().resolve(service.module + "/target/openapi/openapi.json").toFile());
            JsonNode served = json.readTree(suite.anonymous(service).get("/q/openapi?format=json").then()
                    .statusCode(200).extract().asString());
            assertEquals(stored, served, service.module + " serves the document its build stored");
        }
    }

    private static BigDecimal plusOne(Figure figure) {
        return count(figure).add(BigDecimal.ONE);
    }

    /** A figure as a count: the journey runs without disclosure control, so it is a number or nothing yet. */
    private static BigDecimal count(Figure figure) {
        return figure == null || figure.getActualInstance() == null ? BigDecimal.ZERO : figure.getBigDecimal();
    }

    // One client per service and caller, as an integrator sets it up: where the service is, the bearer token, and a
    // read timeout as long as the other journey tests allow (the generated default, 10 s, is short on a busy machine).

    private org.alongside.client.referral.ApiClient referralClient(String token) {
        org.alongside.client.referral.ApiClient client = new org.alongside.client.referral.ApiClient();
        client.setReadTimeout(READ_TIMEOUT_MILLIS);
        client.setBasePath(suite.url(REFERRAL));
        client.setBearerToken(token);
        return client;
    }

    private org.alongside.client.matching.ApiClient matchingClient(String token) {
        org.alongside.client.matching.ApiClient client = new org.alongside.client.matching.ApiClient();
        client.setReadTimeout(READ_TIMEOUT_MILLIS);
        client.setBasePath(suite.url(MATCHING));
        client.setBearerToken(token);
        return client;
    }

    private org.alongside.client.session.ApiClient sessionClient(String token) {
        org.alongside.client.session.ApiClient client = new org.alongside.client.session.ApiClient();
        client.setReadTimeout(READ_TIMEOUT_MILLIS);
        client.setBasePath(suite.url(SESSION));
        client.setBearerToken(token);
        return client;
    }

    private org.alongside.client.outcomes.ApiClient outcomesClient(String token) {
        org.alongside.client.outcomes.ApiClient client = new org.alongside.client.outcomes.ApiClient();
        client.setReadTimeout(READ_TIMEOUT_MILLIS);
        client.setBasePath(suite.url(OUTCOMES));
        client.setBearerToken(token);
        return client;
    }
}
