package org.alongside.matching;

import static org.alongside.matching.MatchingTestSupport.DIABETES;
import static org.alongside.matching.MatchingTestSupport.WAIT;
import static org.alongside.matching.MatchingTestSupport.acceptReferral;
import static org.alongside.matching.MatchingTestSupport.as;
import static org.alongside.matching.MatchingTestSupport.createPeer;
import static org.alongside.matching.MatchingTestSupport.isolate;
import static org.alongside.matching.MatchingTestSupport.peer;
import static org.alongside.matching.MatchingTestSupport.proposalsOnceKnown;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The person's rights in matching-service: a subject access export for admins; a withdrawal of consent ends their
 * matching; erasure removes their needs, preferences and notes, keeping status, scores and the matched peer.
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_matching_test"))
class PersonRightsTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void onlyThisTestsPeers() throws Exception {
        isolate(dataSource);
    }

    @Test
    void theSubjectAccessExportHoldsNeedsProposalsAndNotesForAdminsOnly() {
        String peer = createPeer(peer("Ada", List.of(DIABETES), List.of("TELEPHONE"), 3));
        UUID referral = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        proposalsOnceKnown(referral);
        as("coordinator").body(Map.of("peerId", peer, "reason", "They are neighbours"))
                .post("/referrals/" + referral + "/do-not-match").then().statusCode(201);

        as("admin").get("/referrals/" + referral + "/subject-access").then().statusCode(200)
                .body("service", equalTo("matching-service"))
                .body("referral.locality", equalTo("LS6"))
                .body("referral.conditions.snomedCode", hasItem("44054006"))
                .body("proposals.peerId", hasItem(peer))
                .body("doNotMatch[0].reason", equalTo("They are neighbours"));
        as("admin").get("/referrals/" + UUID.randomUUID() + "/subject-access").then().statusCode(200)
                .body("referral", nullValue()).body("proposals", hasSize(0));
        for (String role : new String[] {"coordinator", "supervisor", "peer-worker", "referrer", "commissioner"}) {
            as(role).get("/referrals/" + referral + "/subject-access").then().statusCode(403);
        }
        as("admin").get("/audit?referralId=" + referral).then()
                .body("items.operation", hasItem("GET SubjectAccessResource.export"));
    }

    @Test
    void aWithdrawalOfConsentEndsMatchingForThePerson() {
        createPeer(peer("Bo", List.of(DIABETES), List.of("TELEPHONE"), 3));
        UUID referral = acceptReferral(List.of(DIABETES), null, List.of("TELEPHONE"), "en");
        proposalsOnceKnown(referral);
        TestEvents.publish("referral.consent-withdrawn", referral, Map.of("referralId", referral.toString(),
                "fromStatus", "ACCEPTED", "withdrawnAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
        await().atMost(WAIT).untilAsserted(() -> as("admin").get("/referrals/" + referral + "/subject-access")
                .then().body("referral.status", equalTo("WITHDRAWN"))
                .body("referral.endReason", equalTo("CONSENT_WITHDRAWN"))
                .body("proposals.findAll { it.status == 'PROPOSED' }", hasSize(0)));
    }

    @Test
    void erasureRemovesNeedsPreferencesAndNotesAndKeepsWhatWasCounted() {
        String peer = createPeer(peer("Cy", List.of(DIABETES), List.of("TELEPHONE"), 3));
        UUID referral = acceptReferral(List.of(DIABETES), "FEMALE", List.of("TELEPHONE"), "en");
        String proposal = proposalsOnceKnown(referral).getString("proposals[0].id");
        as("coordinator").body(Map.of("reason", "PERSON_DECLINED", "note", "Wants someone older"))
                .post("/proposals/" + proposal + "/decline").then().statusCode(200);
        TestEvents.publish("referral.withdrawn", referral, Map.of("referralId", referral.toString(),
                "reason", "PERSON_REQUEST", "fromStatus", "ACCEPTED",
                "withdrawnAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
        TestEvents.publish("referral.erased", referral, Map.of("referralId", referral.toString(),
                "erasedAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));

        await().atMost(WAIT).untilAsserted(() -> as("admin").get("/referrals/" + referral + "/subject-access")
                .then().body("referral.erasedAt", notNullValue()));
        as("admin").get("/referrals/" + referral + "/subject-access").then()
                .body("referral.status", equalTo("WITHDRAWN"))
                .body("referral.conditions", hasSize(0))
                .body("referral.locality", nullValue())
                .body("referral.language", nullValue())
                .body("referral.peerGender", nullValue())
                .body("proposals.find { it.id == '" + proposal + "' }.declineReason", equalTo("PERSON_DECLINED"))
                .body("proposals.find { it.id == '" + proposal + "' }.declineNote", nullValue())
                .body("proposals.find { it.id == '" + proposal + "' }.peerId", equalTo(peer))
                .body("proposals.find { it.id == '" + proposal + "' }.reasons", hasSize(0));
        as("admin").get("/audit?referralId=" + referral).then().body("items.action", hasItem("ERASE"));
    }
}
