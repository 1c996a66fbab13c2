package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.referralFor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.EventSpec;
import org.alongside.platform.events.sessions.SafeguardingClosed;
import org.alongside.platform.events.sessions.SafeguardingRaisedV2;
import org.alongside.platform.testing.TestEvents;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The supervisor responsible for an open safeguarding concern sees who is at risk and how to reach them, every read
 * audited with the concern as its reason; before it is raised and after it is closed, they see no one.
 */
@QuarkusTest
class SupervisorAccessTest {

    private static RequestSpecification asSupervisor(String subject) {
        return given().header("Authorization", Tokens.bearer(Tokens.supervisor(subject)));
    }

    @Test
    void theResponsibleSupervisorSeesThePersonWhileTheConcernIsOpenAndNoLonger() {
        String id = as("coordinator").body(referralFor(Map.of("phone", "07700 900456"))).post("/referrals").then()
                .statusCode(201).extract().path("id");
        String supervisor = "sue-" + UUID.randomUUID();
        asSupervisor(supervisor).get("/referrals/" + id).then().statusCode(404)
                .contentType("application/problem+json");

        UUID concern = UUID.randomUUID();
        TestEvents.send(envelope("safeguarding.raised", SafeguardingRaisedV2.class, id, Map.of(
                "concernId", concern, "referralId", id, "category", "SELF_HARM_OR_SUICIDE_RISK",
                "immediateRisk", true, "supervisor", supervisor,
                "raisedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asSupervisor(supervisor).get("/referrals/" + id)
                .then().statusCode(200)
                .body("person.familyName", equalTo("Quayle"))
                .body("person.phone", equalTo("07700 900456")));
        // another supervisor, and this one on another person, still see no one
        asSupervisor("someone-else").get("/referrals/" + id).then().statusCode(404);
        String other = as("coordinator").body(referralFor(Map.of())).post("/referrals").then().statusCode(201)
                .extract().path("id");
        asSupervisor(supervisor).get("/referrals/" + other).then().statusCode(404);
        asSupervisor(supervisor).get("/referrals/" + id + "/history").then().statusCode(403);

        as("admin").get("/audit?referralId=" + id).then().statusCode(200)
                .body("items.operation", hasItem("GET ReferralResource.get as supervisor of open safeguarding concern "
                        + concern))
                .body("items.find { it.operation.startsWith('GET ReferralResource.get as supervisor') }.actor",
                        equalTo(supervisor + "@alongside.local"))
                .body("items.find { it.operation.startsWith('GET ReferralResource.get as supervisor') }.recordIds",
                        hasItem("safeguarding-concern/" + concern));

        TestEvents.send(envelope("safeguarding.closed", SafeguardingClosed.class, id, Map.of(
                "concernId", concern, "referralId", id, "closedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asSupervisor(supervisor).get("/referrals/" + id)
                .then().statusCode(404));
    }

    @Test
    void aConcernOfTheFirstVersionNamesNoSupervisorSoOpensNoOnesAccess() {
        String id = as("coordinator").body(referralFor(Map.of())).post("/referrals").then().statusCode(201)
                .extract().path("id");
        UUID concern = UUID.randomUUID();
        TestEvents.publish("safeguarding.raised", UUID.fromString(id), Map.of("concernId", concern,
                "referralId", id, "category", "OTHER", "immediateRisk", true,
                "raisedAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
        // a later v2 concern about the same person shows the first was read (in order, on the same partition)
        String supervisor = "sam-" + UUID.randomUUID();
        TestEvents.send(envelope("safeguarding.raised", SafeguardingRaisedV2.class, id, Map.of(
                "concernId", UUID.randomUUID(), "referralId", id, "category", "OTHER", "immediateRisk", false,
                "supervisor", supervisor, "raisedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asSupervisor(supervisor).get("/referrals/" + id)
                .then().statusCode(200));
        asSupervisor("test-supervisor").get("/referrals/" + id).then().statusCode(404);
    }

    private static EventEnvelope envelope(String type, Class<? extends org.alongside.platform.events.EventData> data,
            String referralId, Map<String, Object> fields) {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type, "/alongside/test",
                referralId, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.CONTENT_TYPE,
                EventSpec.of(data).dataschema("http://localhost"),
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(fields));
    }
}
