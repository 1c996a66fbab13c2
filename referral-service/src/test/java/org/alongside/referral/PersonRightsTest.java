package org.alongside.referral;

import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.asReferrer;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.AlongsideTestResource;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * The person's rights in referral-service: withdrawing consent (from any status, once), erasure at the end of the
 * retention period (the test profile's period is three seconds), and the subject access export, which is refused
 * rather than given incomplete when another service does not answer (none runs in these tests).
 */
@QuarkusTest
@QuarkusTestResource(value = AlongsideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alongside_referral_test"))
class PersonRightsTest {

    @Test
    void withdrawingConsentWithdrawsAnOpenReferralAndTellsEveryServiceOnce() {
        String id = asReferrer("B82001").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200);

        asReferrer("B82001").body(Map.of("note", "Phoned the practice to say she no longer wants it"))
                .post("/referrals/" + id + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("statusReason", equalTo("CONSENT_WITHDRAWN"))
                .body("consent.peerSupport", equalTo(false))
                .body("consentWithdrawnAt", notNullValue());
        // again: nothing changes, nothing more is published
        as("coordinator").post("/referrals/" + id + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as("peer-worker").post("/referrals/" + id + "/consent-withdrawal").then().statusCode(403);
        as("supervisor").post("/referrals/" + id + "/consent-withdrawal").then().statusCode(403);

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            JsonNode withdrawn = probe.await(EventProbe.ofType("referral.withdrawn", id), Duration.ofSeconds(30));
            assertEquals("CONSENT_WITHDRAWN", withdrawn.path("data").path("reason").asText());
            assertEquals("ACCEPTED", withdrawn.path("data").path("fromStatus").asText());
            JsonNode consent = probe.await(EventProbe.ofType("referral.consent-withdrawn", id), Duration.ofSeconds(30));
            assertEquals("ACCEPTED", consent.path("data").path("fromStatus").asText());
            assertEquals(1, probe.all(Duration.ofSeconds(1)).stream()
                    .filter(EventProbe.ofType("referral.consent-withdrawn", id)).count());
            assertFalse(consent.toString().contains("practice"), "the note stays in referral-service");
        }
    }

    @Test
    void consentCanBeWithdrawnAfterClosureAndByWithdrawingWithThatReason() {
        String declined = as("coordinator").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").body(Map.of("reason", "NOT_ELIGIBLE")).post("/referrals/" + declined + "/decline").then()
                .statusCode(200);
        as("coordinator").post("/referrals/" + declined + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("consentWithdrawnAt", notNullValue());
        as("coordinator").get("/referrals/" + declined + "/history").then()
                .body("items.toStatus", contains("RECEIVED", "DECLINED", "DECLINED"))
                .body("items[2].reason", equalTo("CONSENT_WITHDRAWN"));

        String open = as("coordinator").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").body(Map.of("reason", "CONSENT_WITHDRAWN")).post("/referrals/" + open + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("consentWithdrawnAt", notNullValue());
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            probe.await(EventProbe.ofType("referral.consent-withdrawn", declined), Duration.ofSeconds(30));
            probe.await(EventProbe.ofType("referral.consent-withdrawn", open), Duration.ofSeconds(30));
        }
    }

    @Test
    void afterTheRetentionPeriodIdentityAndFreeTextAreErasedAndTheCountsKept() throws Exception {
        // an NHS number no other test uses, so the possible-duplicate link is between these two only
        Map<String, Object> body = new HashMap<>(referral("9434765811"));
        body.put("safeguarding", Map.of("concern", true, "details", "Lives with a controlling partner"));
        String ended = as("coordinator").body(body).post("/referrals").then().statusCode(201).extract().path("id");
        // the same person again: linked as a possible duplicate, a link erasure must cut
        String duplicate = as("coordinator").body(referral("9434765811")).post("/referrals").then().statusCode(201)
                .body("possibleDuplicateOf", equalTo(ended)).extract().path("id");
        as("coordinator").body(Map.of("reason", "NEEDS_OTHER_SERVICE", "note", "Referred to the memory clinic"))
                .post("/referrals/" + ended + "/decline").then().statusCode(200);

        Thread.sleep(3_500); // the test profile keeps records three seconds after a referral ended
        as("coordinator").post("/retention/sweeps").then().statusCode(403);
        as("admin").post("/retention/sweeps").then().statusCode(200)
                .body("retentionPeriod", equalTo("PT3S"))
                .body("erased", hasItem(ended))
                .body("erased", not(hasItem(duplicate)));

        as("coordinator").get("/referrals/" + ended).then().statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("erasedAt", notNullValue())
                .body("person.nhsNumber", nullValue())
                .body("person.givenName", nullValue())
                .body("person.familyName", nullValue())
                .body("person.birthDate", nullValue())
                .body("person.postcode", nullValue())
                .body("person.gender", equalTo("FEMALE"))
                .body("reason", nullValue())
                .body("safeguarding.details", nullValue())
                .body("referrer.name", nullValue())
                .body("referrer.odsCode", equalTo("B82001"))
                .body("conditions.snomedCode", hasItems("44054006", "35489007"))
                .body("imdDecile", equalTo(2))
                .body("ageBand", notNullValue())
                .body("locality", equalTo("LS6"));
        as("coordinator").get("/referrals/" + ended + "/history").then()
                .body("items.reason", hasItem("NEEDS_OTHER_SERVICE"))
                .body("items.reason", not(hasItem(containsString("memory clinic"))));
        as("coordinator").get("/referrals/" + duplicate).then().body("possibleDuplicateOf", nullValue())
                .body("person.familyName", equalTo("Quayle"));
        as("coordinator").body(Map.of("reason", "NOT_ELIGIBLE")).post("/referrals/" + duplicate + "/decline")
                .then().statusCode(200);
        // a second sweep erases only what has become due since
        as("admin").post("/retention/sweeps").then().statusCode(200).body("erased", not(hasItem(ended)));
        as("coordinator").post("/referrals/" + ended + "/consent-withdrawal").then().statusCode(409)
                .body("type", equalTo("https://alongside.example/problems/referral-erased"));

        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            JsonNode erased = probe.await(EventProbe.ofType("referral.erased", ended), Duration.ofSeconds(30));
            assertEquals("DECLINED", erased.path("data").path("status").asText());
            for (String identity : List.of("9434765811", "Quayle", "Ada", "LS6 2AB", "1961-04-09", "memory")) {
                assertFalse(erased.toString().contains(identity), "referral.erased leaks " + identity);
            }
        }
        as("admin").get("/audit?referralId=" + ended).then().body("items.action", hasItem("ERASE"))
                .body("items.actor", hasItem("test-admin@alongside.local"));
    }

    @Test
    void theSubjectAccessExportIsAdminOnlyAndRefusedWhenAServiceDoesNotAnswer() {
        String id = as("coordinator").body(referral("9434765919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        for (String role : List.of("coordinator", "referrer", "peer-worker", "supervisor", "commissioner")) {
            as(role).get("/referrals/" + id + "/subject-access-export").then().statusCode(403);
        }
        as("admin").get("/referrals/" + java.util.UUID.randomUUID() + "/subject-access-export").then()
                .statusCode(404);
        as("admin").get("/referrals/" + id + "/subject-access-export").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://alongside.example/problems/subject-access-incomplete"))
                .body("errors.field", contains("matching-service", "session-service", "outcomes-service"))
                .body("detail", containsString("none is given"));
        as("admin").get("/audit?referralId=" + id).then()
                .body("items.operation", hasItem("GET SubjectAccessResource.export"))
                .body("items.find { it.operation == 'GET SubjectAccessResource.export' }.status", equalTo(503));
    }
}
