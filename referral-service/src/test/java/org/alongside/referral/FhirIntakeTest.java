package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** GP systems refer over FHIR R4 and follow progress through Task; every mistake is an OperationOutcome. */
@QuarkusTest
class FhirIntakeTest {

    static final String FHIR = "application/fhir+json";

    static String sample(String name) {
        try (InputStream in = FhirIntakeTest.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample BaRS message with a Bundle.id of its own, so that it is a new message. */
    static String message(String bundleId) {
        return sample("bars-message-bundle.json").replace("7f7f2c4e-3f8e-4a7e-9a43-6c5f0d1b2a11", bundleId);
    }

    static Response post(String path, String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).contentType(FHIR)
                .body(body).post(path);
    }

    static long referralCount() {
        return ((Number) as("coordinator").get("/referrals?size=1").then().extract().path("total")).longValue();
    }

    private static String idFrom(Response response) {
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aBarsMessageBecomesAReferralOnceWithEverythingMappedAndAResendGetsTheSameResponse() {
        String bundleId = UUID.randomUUID().toString();
        Response response = post("/fhir/$process-message", message(bundleId));
        response.then().statusCode(200).contentType(containsString(FHIR))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("message"))
                .body("entry[0].resource.resourceType", equalTo("MessageHeader"))
                .body("entry[0].resource.response.identifier", equalTo("0d1a7c7e-3b1f-4d1c-9c1b-4a2f1e7b8c01"))
                .body("entry[0].resource.response.code", equalTo("ok"))
                .body("entry[0].resource.destination[0].endpoint", equalTo("https://gp.example.nhs.uk/fhir"))
                .body("entry[1].resource.resourceType", equalTo("ServiceRequest"))
                .body("entry[2].resource.resourceType", equalTo("Task"))
                .body("entry[2].resource.status", equalTo("received"))
                .body("entry[1].fullUrl", startsWith("http://"))
                .body("entry[2].fullUrl", startsWith("http://"));
        String id = response.path("entry[1].resource.id");
        FhirConformance.assertValidR4(FhirConformance.FHIR.newJsonParser().parseResource(Bundle.class,
                response.asString()));

        as("coordinator").get("/referrals/" + id).then().statusCode(200)
                .body("channel", equalTo("FHIR"))
                .body("status", equalTo("RECEIVED"))
                .body("referrer.type", equalTo("GP_PRACTICE"))
                .body("referrer.odsCode", equalTo("B82001"))
                .body("referrer.name", equalTo("Dr Priya Rowan"))
                .body("referrer.organisationName", equalTo("Example Medical Practice"))
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

        // the GP system did not hear the answer and sends the message again: the same answer, nothing new
        long before = referralCount();
        Response resend = post("/fhir/$process-message", message(bundleId));
        resend.then().statusCode(200);
        assertEquals(response.asString(), resend.asString());
        assertEquals(before, referralCount());
    }

    @Test
    void aMessagePostedToTheBaseIsPointedAtProcessMessageAndAResourceAtItsEndpoint() {
        long before = referralCount();
        post("/fhir", message(UUID.randomUUID().toString())).then().statusCode(400)
                .contentType(containsString(FHIR))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Bundle.type"))
                .body("issue[0].diagnostics", containsString("/fhir/$process-message"));
        post("/fhir", sample("service-request-contained.json")).then().statusCode(400)
                .body("issue[0].diagnostics", containsString("/fhir/ServiceRequest"));
        post("/fhir/$process-message", sample("transaction-bundle.json")).then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("Bundle.type"))
                .body("issue[0].diagnostics", containsString("post transactions to /fhir"));
        assertEquals(before, referralCount());
    }

    @Test
    void aTransactionIsAnsweredWithATransactionResponseAndItsRetryCreatesNothing() {
        String transaction = sample("transaction-bundle.json");
        Response response = post("/fhir", transaction);
        response.then().statusCode(200).contentType(containsString(FHIR))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("transaction-response"))
                .body("entry.size()", equalTo(4))
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[0].response.location", startsWith("ServiceRequest/"))
                .body("entry[0].fullUrl", startsWith("http://"))
                .body("entry[0].resource.resourceType", equalTo("ServiceRequest"))
                .body("entry[1].response.status", equalTo("200 OK"))
                .body("entry[1].response.outcome.issue[0].severity", equalTo("information"));
        String location = response.path("entry[0].response.location");
        assertEquals(location, response.path("entry[3].response.location"));
        FhirConformance.assertValidR4(FhirConformance.FHIR.newJsonParser().parseResource(Bundle.class,
                response.asString()));
        String id = location.substring("ServiceRequest/".length());
        as("coordinator").get("/referrals/" + id).then()
                .body("urgency", equalTo("URGENT"))
                .body("person.gender", equalTo("MALE"))
                .body("person.language", equalTo("en-GB"))
                .body("reason", containsString("walking the dog"))
                .body("consent.source", equalTo("REFERRER_ATTESTATION"))
                .body("referrer.organisationName", equalTo("Example Medical Practice"));

        long before = referralCount();
        post("/fhir", transaction).then().statusCode(200)
                .body("entry[0].response.status", equalTo("200 OK"))
                .body("entry[0].response.location", equalTo(location));
        assertEquals(before, referralCount());
    }

    @Test
    void aContainedServiceRequestIsCreatedAndReadBackAsSentWithAlongsidesReceiptTimeOnTheTask() {
        String request = sample("service-request-contained.json")
                .replace("\"identifier\": [ { \"system\": \"https://gp.example.nhs.uk/Id/referral\", \"value\": \"SR-555\" } ],",
                        "\"identifier\": [ { \"system\": \"https://gp.example.nhs.uk/Id/referral\", \"value\": \"SR-700\" },"
                                + " { \"system\": \"https://ers.nhs.uk/Id/ubrn\", \"value\": \"000049390019\" } ],"
                                + " \"authoredOn\": \"2026-11-19T16:05:00+00:00\","
                                + " \"occurrencePeriod\": { \"start\": \"2026-12-01\", \"end\": \"2027-02-28\" },")
                .replace("\"intent\": \"order\"", "\"intent\": \"plan\"");
        Response created = post("/fhir/ServiceRequest", request);
        created.then().statusCode(201).header("Location", startsWith("http://"))
                .header("Location", containsString("/fhir/ServiceRequest/"));
        String id = idFrom(created);

        String referrer = Tokens.bearer(Tokens.referrer("B82001"));
        given().header("Authorization", referrer).get("/fhir/ServiceRequest/" + id).then().statusCode(200)
                .contentType(containsString(FHIR))
                .body("status", equalTo("active"))
                .body("intent", equalTo("plan"))
                .body("authoredOn", equalTo("2026-11-19T16:05:00+00:00"))
                .body("occurrencePeriod.start", equalTo("2026-12-01"))
                .body("occurrencePeriod.end", equalTo("2027-02-28"))
                .body("identifier.value", hasItems(id, "SR-700", "000049390019"))
                .body("contained.find { it.resourceType == 'Patient' }.identifier[0].value", equalTo("9434765919"))
                .body("contained.find { it.resourceType == 'Patient' }.extension.find { it.url.endsWith('EthnicCategory') }"
                        + ".valueCodeableConcept.coding[0].code", equalTo("H"))
                .body("reasonReference.size()", equalTo(2));
        String receivedAt = as("coordinator").get("/referrals/" + id).then().extract().path("receivedAt");
        String taskAuthoredOn = given().header("Authorization", referrer)
                .get("/fhir/Task?focus=ServiceRequest/" + id).then().statusCode(200)
                .extract().path("entry[0].resource.authoredOn");
        assertNotEquals("2026-11-19T16:05:00+00:00", taskAuthoredOn);
        assertEquals(java.time.OffsetDateTime.parse(receivedAt).toInstant().getEpochSecond(),
                java.time.OffsetDateTime.parse(taskAuthoredOn).toInstant().getEpochSecond());
        as("coordinator").get("/referrals/" + id).then()
                .body("person.familyName", equalTo("Begum"))
                .body("person.language", equalTo("bn"))
                .body("person.interpreterNeeded", equalTo(true))
                .body("person.ethnicity", equalTo("H"))
                .body("conditions.display", containsInAnyOrder("Type 1 diabetes mellitus", "Depressive disorder"))
                .body("referrer.odsCode", equalTo("B82001"))
                // the requester is a reference by ODS code: its display names the organisation
                .body("referrer.organisationName", equalTo("Example Medical Practice"));
    }

    @Test
    void onlySnomedCodingsAreConditionsAndTheOtherReasonCodesAreKeptNotRefused() {
        String request = sample("service-request-contained.json").replace("SR-555", "SR-701")
                .replace("\"reasonReference\": [ { \"reference\": \"#c1\" }, { \"reference\": \"#c2\" } ],",
                        "\"reasonCode\": ["
                                + " { \"coding\": [ { \"system\": \"https://fhir.nhs.uk/CodeSystem/BARS-clinical-urgency\","
                                + " \"code\": \"clin-1\", \"display\": \"Progress urgently\" } ] },"
                                + " { \"coding\": [ { \"system\": \"http://snomed.info/sct\", \"code\": \"13645005\","
                                + " \"display\": \"Chronic obstructive lung disease\" } ] } ],");
        String id = idFrom(post("/fhir/ServiceRequest", request).then().statusCode(201).extract().response());
        as("coordinator").get("/referrals/" + id).then()
                .body("conditions.snomedCode", contains("13645005"))
                .body("conditions.kind", contains("PHYSICAL"));
        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).get("/fhir/ServiceRequest/" + id)
                .then().body("reasonCode.coding.flatten().code", contains("clin-1", "13645005"));
    }

    @Test
    void whatWasSentIsErasedWithTheIdentityAtTheEndOfTheRetentionPeriod() {
        String id = idFrom(post("/fhir/ServiceRequest", sample("service-request-contained.json")
                .replace("SR-555", "SR-ERASED")).then().statusCode(201).extract().response());
        as("coordinator").body(Map.of("reason", "NOT_ELIGIBLE")).post("/referrals/" + id + "/decline").then()
                .statusCode(200);
        // the test profile keeps a referral three seconds after it ended; sweep until this one is erased
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                as("admin").post("/retention/sweeps").then().statusCode(200).extract()
                        .<java.util.List<String>>path("erased").contains(id));
        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).get("/fhir/ServiceRequest/" + id)
                .then().statusCode(200)
                .body("identifier.value", contains(id))
                .body("contained.find { it.resourceType == 'Patient' }.identifier", nullValue())
                .body("contained.find { it.resourceType == 'Patient' }.name", nullValue())
                .body("note", nullValue());
    }

    @Test
    void theReferrerFollowsProgressThroughTaskInASearchBundleWithAbsoluteUrls() {
        String id = idFrom(post("/fhir/ServiceRequest", sample("service-request-contained.json")
                .replace("SR-555", "SR-556")).then().statusCode(201).extract().response());
        String task = "/fhir/Task?focus=ServiceRequest/" + id;
        Response search = given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).get(task);
        search.then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("total", equalTo(1))
                .body("link.find { it.relation == 'self' }.url", endsWith(task))
                .body("link[0].url", startsWith("http://"))
                .body("entry[0].fullUrl", startsWith("http://"))
                .body("entry[0].fullUrl", endsWith("/fhir/Task/" + id))
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
    void mistakesAreOperationOutcomesAtTheirFhirPathInFhirWordsAndWriteNothing() {
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
                .body("issue[0].expression[0]", equalTo("ServiceRequest.contained[1].code"));

        post("/fhir/ServiceRequest", sample("service-request-contained.json").replace("943 476 5919", "943 476 5918"))
                .then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("ServiceRequest.contained[0].identifier[0].value"))
                .body("issue[0].diagnostics", containsString("NHS number"));

        String transaction = sample("transaction-bundle.json");
        post("/fhir", transaction.replace("9434765919", "9434765918")).then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.identifier[0].value"));
        post("/fhir", transaction.replace("\"subject\": { \"reference\": \"urn:uuid:a1b2c3d4-0000-4000-8000-000000000002\" },\n        \"requester\"",
                "\"requester\"")).then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.subject"));
        post("/fhir", transaction.replace("\"birthDate\": \"1949-03-02\",", "")
                .replace("\"family\": \"Hartley\", ", "")).then().statusCode(400)
                .body("issue.expression.flatten()", hasItems("Bundle.entry[1].resource.birthDate",
                        "Bundle.entry[1].resource.name[0].family"))
                .body("issue.diagnostics", everyItem(not(containsString("person."))))
                .body("issue.diagnostics", hasItem("Bundle.entry[1].resource.birthDate must not be null"));
        post("/fhir", transaction.replace("\"transaction\"", "\"collection\""))
                .then().statusCode(400).body("issue[0].expression[0]", equalTo("Bundle.type"));

        post("/fhir", "{\"resourceType\": \"Bundle\", ").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
        post("/fhir/ServiceRequest", sample("service-request-contained.json").replace("\"status\": \"active\"",
                "\"status\": \"active\", \"favouriteColour\": \"blue\"")).then().statusCode(400)
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].expression[0]", equalTo("ServiceRequest.favouriteColour"));

        given().contentType(FHIR).body(transaction).post("/fhir").then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome"));
        given().header("Authorization", Tokens.bearer(Tokens.as("peer-worker"))).contentType(FHIR)
                .body(transaction).post("/fhir").then().statusCode(403)
                .body("resourceType", equalTo("OperationOutcome"));

        assertEquals(before, referralCount(), "no referral was written by a rejected request");
    }

    @Test
    void anIdentityTooLongToKeepIsAnOperationOutcomeAtItsPathNotAFailure() {
        long before = referralCount();
        String tooLong = "A".repeat(3000);
        String request = sample("service-request-contained.json");
        post("/fhir/ServiceRequest", request.replace("\"SR-555\"", "\"" + tooLong + "\"")).then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("ServiceRequest.identifier[0].value"))
                .body("issue[0].diagnostics", containsString("3000 characters long; at most 250"));
        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).header("Idempotency-Key", tooLong)
                .contentType(FHIR).body(request).post("/fhir/ServiceRequest")
                .then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
        post("/fhir/$process-message", message(tooLong)).then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem("Bundle.id"))
                .body("issue.diagnostics", hasItem(
                        "Bundle.id must be a FHIR id: 1 to 64 letters, digits, '-' and '.'"));
        assertEquals(before, referralCount(), "no referral was written by a refused request");
    }

    @Test
    void theCapabilityStatementNeedsNoTokenAndDeclaresWhatIsThere() {
        given().get("/fhir/metadata").then().statusCode(200)
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("kind", equalTo("instance"))
                .body("implementation.url", endsWith("/fhir"))
                .body("format", contains("application/fhir+json", "application/fhir+xml"))
                .body("rest[0].interaction.code", contains("transaction"))
                .body("rest[0].operation.name", contains("process-message"))
                .body("rest[0].resource.type", contains("ServiceRequest", "Task", "Bundle"))
                .body("rest[0].resource.find { it.type == 'Task' }.searchParam[0].name", equalTo("focus"))
                .body("rest[0].resource.find { it.type == 'Bundle' }.interaction.code", contains("read"))
                .body("messaging[0].supportedMessage[0].mode", equalTo("receiver"))
                .body("messaging[0].endpoint[0].address", endsWith("/fhir/$process-message"))
                .body("text", nullValue())
                .body("rest[0].resource.find { it.type == 'Patient' }", nullValue())
                .body("rest[0].resource.findAll { it.interaction == null }", emptyIterable());
    }
}
