package org.alongside.referral;

import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.referralFor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.junit.jupiter.api.Test;

/** Attempts to reach the person are logged; three failures in a row mark the referral unable to contact. */
@QuarkusTest
class ContactLogTest {

    private static Map<String, Object> attempt(String outcome, int hoursAgo) {
        Map<String, Object> attempt = new HashMap<>(Map.of("attemptedAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo).toString(), "method", "PHONE",
                "outcome", outcome));
        attempt.put("note", "rang the mobile, no voicemail set up");
        return attempt;
    }

    private static void log(String id, String outcome, int hoursAgo) {
        as("coordinator").body(attempt(outcome, hoursAgo)).post("/referrals/" + id + "/contact-attempts").then()
                .statusCode(201).body("outcome", equalTo(outcome));
    }

    @Test
    void threeFailedAttemptsInARowOfferUnableToContactAndReachingThePersonEndsIt() {
        String id = as("coordinator").body(referralFor(Map.of())).post("/referrals").then().statusCode(201)
                .extract().path("id");
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            log(id, "NO_ANSWER", 30);
            log(id, "LEFT_MESSAGE", 20);
            as("coordinator").get("/referrals/" + id).then().body("unableToContact", equalTo(false))
                    .body("suggestedCloseReason", nullValue());
            log(id, "WRONG_DETAILS", 10);
            as("coordinator").get("/referrals/" + id).then().body("unableToContact", equalTo(true))
                    .body("suggestedCloseReason", equalTo("UNABLE_TO_CONTACT"));
            as("coordinator").queryParam("unableToContact", true).queryParam("size", 200).get("/referrals").then()
                    .statusCode(200).body("items.id", hasItem(id));
            // an attempt logged late, made before the others, changes nothing; one that reaches the person does
            log(id, "REACHED", 40);
            as("coordinator").get("/referrals/" + id).then().body("unableToContact", equalTo(true));
            log(id, "REACHED", 1);
            as("coordinator").get("/referrals/" + id).then().body("unableToContact", equalTo(false));
            as("coordinator").queryParam("unableToContact", true).queryParam("size", 200).get("/referrals").then()
                    .body("items.id", not(hasItem(id)));

            as("coordinator").get("/referrals/" + id + "/contact-attempts?size=2").then().statusCode(200)
                    .body("total", equalTo(5)).body("size", equalTo(2))
                    .body("items.outcome", contains("REACHED", "WRONG_DETAILS"))
                    .body("items[0].note", equalTo("rang the mobile, no voicemail set up"))
                    .body("items[0].recordedBy", equalTo("test-coordinator@alongside.local"));
            // notes are free text: never in an event
            assertFalse(probe.all(Duration.ofSeconds(2)).stream().anyMatch(r -> String.valueOf(r.value()).contains("voicemail")));
        }
        as("coordinator").body(Map.of("reason", "UNABLE_TO_CONTACT")).post("/referrals/" + id + "/decline").then()
                .statusCode(200).body("statusReason", equalTo("UNABLE_TO_CONTACT"));
    }

    @Test
    void aBadAttemptIsRefusedNamingTheFieldAndOthersSeeNothing() {
        String id = as("coordinator").body(referralFor(Map.of())).post("/referrals").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> bad = new HashMap<>(attempt("NO_ANSWER", 1));
        bad.put("method", "CARRIER_PIGEON");
        as("coordinator").body(bad).post("/referrals/" + id + "/contact-attempts").then().statusCode(400)
                .body("errors[0].field", equalTo("method"));
        Map<String, Object> future = new HashMap<>(attempt("NO_ANSWER", -48));
        as("coordinator").body(future).post("/referrals/" + id + "/contact-attempts").then().statusCode(400)
                .body("errors[0].field", equalTo("attemptedAt"));
        ReferralTestSupport.asReferrer("B82001").body(attempt("NO_ANSWER", 1))
                .post("/referrals/" + id + "/contact-attempts").then().statusCode(403);
        as("peer-worker").get("/referrals/" + id + "/contact-attempts").then().statusCode(404);
        as("coordinator").get("/referrals/" + id + "/contact-attempts").then().body("total", equalTo(0));
    }
}
