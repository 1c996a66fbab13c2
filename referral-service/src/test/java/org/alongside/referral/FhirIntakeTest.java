package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** GP systems refer over FHIR R4 and follow progress through Task; every mistake is an OperationOutcome. */
@QuarkusTest
class FhirIntakeTest {

    private static final String FHIR = "application/fhir+json";

    static String sample(String name) {
        try (InputStream in = FhirIntakeTest.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response post(String path, String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).contentType(FHIR)
                .body(body).post(path);
    }

    private static long referralCount() {
        return ((Number) as("coordinator").get("/referrals?size=1").then().extract().path("total")).longValue();
    }

    private static String idFrom(Response response) {
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aBarsMessageBundleBecomesAReferralOnceWithEverythingMapped() {
        Response created = post("/fhir", sample("bars-message-bundle.json"));
        created.then().statusCode(201).contentType(containsString(FHIR))
                .header("Location", containsString("/fhir/ServiceRequest/"))
                .body("resourceType", equalTo("ServiceRequest"));
        String id = idFrom(created);

        as("coordinator").get("/referrals/" + id).then().statusCode(200)
                .body("channel", equalTo("FHIR"))
                .body("status", equalTo("RECEIVED"))
                .body("referrer.type", equalTo("GP_PRACTICE"))
                .body("referrer.odsCode", equalTo("B82001"))
                .body("referrer.name", equalTo("Dr Priya Rowan"))
                .body("person.nhsNumber", equalTo("9434765919"))
                .body("person.givenName", equalTo("Grace"))
                .body("person.familyName", equalTo("Okonkwo"))
                .body("person.birthDate", equalTo("1958-07-14"))
                .body("person.gender", equalTo("FEMALE"))
                .body("person.postcode", equalTo("BD7 1DP"))
                .body("person.phone", equalTo("07700 900123"))
                .body("person.email", equalTo("grace@example.org"))
                .body("person.language", equalTo("en"))
                .body("person.interpreterNeeded", equalTo(false))
                .body("conditions.snomedCode", contains("709044004", "197480006"))
                .body("conditions.kind", contains("PHYSICAL", "MENTAL"))
                .body("reason", containsString("talk to someone who has been through it"))
                .body("consent.source", equalTo("FHIR_CONSENT_RESOURCE"));

        // the GP system retries the same message: nothing new is created
        long before = referralCount();
        Response retry = post("/fhir", sample("bars-message-bundle.json"));
        retry.then().statusCode(200);
        assertEquals(id, idFrom(retry));
        assertEquals(before, referralCount());
    }

    @Test
    void aTransactionBundleAndAContainedServiceRequestAreBothAccepted() {
        String tx = idFrom(post("/fhir", sample("transaction-bundle.json")).then().statusCode(201).extract().response());
        as("coordinator").get("/referrals/" + tx).then()
                .body("urgency", equalTo("URGENT"))
                .body("person.language", equalTo("en-GB"))
                .body("reason", containsString("walking the dog"))
                .body("consent.source", equalTo("REFERRER_ATTESTATION"));

        String sr = idFrom(post("/fhir/ServiceRequest", sample("service-request-contained.json"))
                .then().statusCode(201).extract().response());
        as("coordinator").get("/referrals/" + sr).then()
                .body("person.familyName", equalTo("Begum"))
                .body("person.language", equalTo("bn"))
                .body("person.interpreterNeeded", equalTo(true))
                .body("conditions.display", containsInAnyOrder("Type 1 diabetes mellitus", "Depressive disorder"))
                .body("referrer.odsCode", equalTo("B82001"));

        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).get("/fhir/ServiceRequest/" + sr)
                .then().statusCode(200).contentType(containsString(FHIR))
                .body("status", equalTo("active"))
                .body("contained.find { it.resourceType == 'Patient' }.identifier[0].value", equalTo("9434765919"))
                .body("reasonReference.size()", equalTo(2));
    }

    @Test
    void theReferrerFollowsProgressThroughTask() {
        String id = idFrom(post("/fhir/ServiceRequest", sample("service-request-contained.json")
                .replace("SR-555", "SR-556")).then().statusCode(201).extract().response());
        String task = "/fhir/Task?focus=ServiceRequest/" + id;
        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).get(task).then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("entry[0].resource.resourceType", equalTo("Task"))
                .body("entry[0].resource.status", equalTo("received"))
                .body("entry[0].resource.focus.reference", equalTo("ServiceRequest/" + id));

        as("coordinator").body(Map.of("reason", "NEEDS_OTHER_SERVICE", "note", "crisis team first"))
                .post("/referrals/" + id + "/decline").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).get(task).then().statusCode(200)
                .body("entry[0].resource.status", equalTo("rejected"))
                .body("entry[0].resource.businessStatus.text", equalTo("DECLINED"))
                .body("entry[0].resource.statusReason.coding[0].code", equalTo("NEEDS_OTHER_SERVICE"))
                .body("entry[0].resource.statusReason.text", equalTo("Needs other service"));

        // another practice cannot see it
        given().header("Authorization", Tokens.bearer(Tokens.referrer("Y99999"))).get(task).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void mistakesAreOperationOutcomesNamingTheElementAndWriteNothing() {
        long before = referralCount();
        String patient = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"X\"}]}";
        post("/fhir/ServiceRequest", patient).then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Patient"))
                .body("issue[0].diagnostics", containsString("Expected a ServiceRequest"));

        String noCode = sample("service-request-contained.json")
                .replace("\"code\": { \"coding\": [ { \"system\": \"http://snomed.info/sct\", \"code\": \"46635009\", \"display\": \"Type 1 diabetes mellitus\" } ] },", "");
        post("/fhir/ServiceRequest", noCode).then().statusCode(400)
                .body("issue[0].code", equalTo("required"))
                .body("issue[0].expression[0]", equalTo("Condition.code"));

        post("/fhir/ServiceRequest", sample("service-request-contained.json").replace("943 476 5919", "943 476 5918"))
                .then().statusCode(400)
                .body("issue.expression.flatten()", hasItem(endsWith("nhs-number').value")))
                .body("issue[0].diagnostics", containsString("NHS number"));

        post("/fhir", sample("transaction-bundle.json").replace("\"transaction\"", "\"collection\""))
                .then().statusCode(400).body("issue[0].expression[0]", equalTo("Bundle.type"));

        post("/fhir", "{\"resourceType\": \"Bundle\", ").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
        post("/fhir/ServiceRequest", sample("service-request-contained.json").replace("\"status\": \"active\"",
                "\"status\": \"active\", \"favouriteColour\": \"blue\"")).then().statusCode(400)
                .body("issue[0].diagnostics", containsString("favouriteColour"));

        given().contentType(FHIR).body(sample("transaction-bundle.json")).post("/fhir").then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome"));
        given().header("Authorization", Tokens.bearer(Tokens.as("peer-worker"))).contentType(FHIR)
                .body(sample("transaction-bundle.json")).post("/fhir").then().statusCode(403)
                .body("resourceType", equalTo("OperationOutcome"));

        assertEquals(before, referralCount(), "no referral was written by a rejected request");
    }

    @Test
    void theCapabilityStatementNeedsNoToken() {
        given().get("/fhir/metadata").then().statusCode(200)
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", hasItem("ServiceRequest"))
                .body("rest[0].resource.find { it.type == 'Task' }.searchParam[0].name", equalTo("focus"));
    }
}
