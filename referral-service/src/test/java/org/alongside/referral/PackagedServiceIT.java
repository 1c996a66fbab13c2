package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.asReferrer;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import org.alongside.platform.testing.AotTrainingRun;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, as the images and the local stack run it, takes referrals over REST and FHIR and triages
 * them. It is also the AOT cache's training run (docs/performance.md): the JVM records what it loads, links
 * and profiles, and writes target/quarkus-app/app.aot from it as it stops, so the work here is the intake's everyday
 * work.
 */
class PackagedServiceIT {

    private static final int ROUNDS = 20;
    private static final String FHIR = "application/fhir+json";

    private static AotTrainingRun service;

    @BeforeAll
    static void start() {
        service = AotTrainingRun.start("alongside_referral_it");
    }

    @AfterAll
    static void writeTheCache() {
        service.close();
    }

    @Test
    void intakeOverRestAndFhirThenTriage() {
        String contained = FhirIntakeTest.sample("service-request-contained.json");
        for (int round = 0; round < ROUNDS; round++) {
            String id = asReferrer("B82001").body(referral("943 476 5919")).post("/referrals")
                    .then().statusCode(201).extract().path("id");
            as("coordinator").get("/referrals/" + id).then().statusCode(200).body("status", equalTo("RECEIVED"));
            as("coordinator").post("/referrals/" + id + "/accept").then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"));

            Response fhir = given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001")))
                    .contentType(FHIR).body(contained.replace("SR-555", "SR-IT-" + round))
                    .post("/fhir/ServiceRequest");
            fhir.then().statusCode(201);
            String location = fhir.header("Location");
            String serviceRequest = location.substring(location.lastIndexOf('/') + 1);
            given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001")))
                    .get("/fhir/Task?focus=ServiceRequest/" + serviceRequest)
                    .then().statusCode(200).body("entry[0].resource.resourceType", equalTo("Task"));

            as("coordinator").get("/referrals?size=20").then().statusCode(200);
        }
        given().get("/q/openapi").then().statusCode(200);
    }
}
