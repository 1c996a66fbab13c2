package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.FhirIntakeTest.FHIR;
import static org.alongside.referral.FhirIntakeTest.message;
import static org.alongside.referral.FhirIntakeTest.referralCount;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.alongside.platform.testing.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * BaRS referral requests over FHIR messaging: the published BaRS examples each get the right answer, every answer
 * is a response message (or, with nothing to respond to, an OperationOutcome) that validates, and nothing a
 * refused message carries is written.
 */
@QuarkusTest
class BarsMessagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The NHS number the BaRS examples carry: its check digit is wrong. */
    private static final String EXAMPLES_NHS_NUMBER = "3478526985";

    /** Sent by a GP practice: the sample message's requester is B82001, the BaRS examples name no practice. */
    private static Response process(String ods, String body) {
        return processAs(Tokens.referrer(ods), body);
    }

    private static Response processAs(String token, String body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(FHIR).body(body)
                .post("/fhir/$process-message");
    }

    private static Bundle bundle(Response response) {
        return FhirConformance.FHIR.newJsonParser().parseResource(Bundle.class, response.asString());
    }

    /** An NHS number that passes the modulus-11 check, from nine digits. */
    static String validNhsNumber(String first9) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (first9.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 10 ? validNhsNumber(String.valueOf(Long.parseLong(first9) + 1))
                : first9 + (check == 11 ? 0 : check);
    }

    @Test
    void the111AndThe999ReferralMessagesCreateReferralsWithEveryFieldMapped() throws Exception {
        String nhs111 = validNhsNumber("943476101");
        // the 111 example also has basedOn and note as JSON objects where FHIR has arrays: given as arrays
        ObjectNode fixed = (ObjectNode) JSON.readTree(FhirConformance.barsExample("hist_POST-111ToEDServiceRequest.json")
                .replace(EXAMPLES_NHS_NUMBER, nhs111));
        for (JsonNode entry : fixed.get("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            for (String repeating : new String[] {"basedOn", "note"}) {
                if (resource.has(repeating) && resource.get(repeating).isObject()) {
                    resource.set(repeating, JSON.createArrayNode().add(resource.get(repeating)));
                }
            }
        }
        Response from111 = process("RA111", JSON.writeValueAsString(fixed));
        from111.then().statusCode(200)
                .body("entry[0].resource.response.identifier", equalTo("1cbdfb97-5859-48a4-8301-d54eab818d68"))
                .body("entry[0].resource.response.code", equalTo("ok"))
                .body("entry[1].resource.intent", equalTo("plan"))
                .body("entry[1].resource.authoredOn", equalTo("2021-10-13T16:28:00+07:00"))
                .body("entry[1].resource.occurrencePeriod.start", equalTo("2021-10-13T16:20:27+07:00"))
                .body("entry[1].resource.reasonCode.coding.flatten().code", contains("4389", "DX02", "PA21", "1010",
                        "PlanRequest"));
        FhirConformance.assertValidR4(bundle(from111));
        as("coordinator").get("/referrals/" + from111.path("entry[1].resource.id")).then().statusCode(200)
                .body("channel", equalTo("FHIR"))
                .body("referrer.type", equalTo("GP_PRACTICE"))
                .body("referrer.odsCode", equalTo("RA111"))
                .body("referrer.name", equalTo("Marcy BLAKE"))
                .body("person.nhsNumber", equalTo(nhs111))
                .body("person.givenName", equalTo("Julie"))
                .body("person.familyName", equalTo("Jones"))
                .body("person.birthDate", equalTo("1959-05-04"))
                .body("person.gender", equalTo("FEMALE"))
                .body("person.postcode", equalTo("LS10 4YU"))
                .body("person.phone", equalTo("01138698975"))
                // Pathways codes are not SNOMED CT conditions: triage finds out what the person lives with
                .body("conditions", empty())
                .body("reason", containsString("ADVICE GIVEN"))
                .body("urgency", equalTo("ROUTINE"))
                .body("consent.source", equalTo("FHIR_CONSENT_RESOURCE"));

        String nhs999 = validNhsNumber("943476102");
        Response from999 = process("RA999", FhirConformance.barsExample("hist_POST-999ToCASServiceRequest.json")
                .replace(EXAMPLES_NHS_NUMBER, nhs999));
        from999.then().statusCode(200)
                .body("entry[0].resource.response.code", equalTo("ok"))
                .body("entry[1].resource.reasonCode[0].coding[0].code", equalTo("clin-1"))
                .body("entry[1].resource.authoredOn", equalTo("2021-10-13T16:28:00+07:00"));
        FhirConformance.assertValidR4(bundle(from999));
        as("coordinator").get("/referrals/" + from999.path("entry[1].resource.id")).then().statusCode(200)
                .body("person.nhsNumber", equalTo(nhs999))
                .body("person.familyName", equalTo("Jones"))
                .body("referrer.name", equalTo("Marcy BLAKE"))
                .body("referrer.odsCode", equalTo("RA999"))
                .body("conditions", empty())
                .body("reason", nullValue())
                .body("consent.source", equalTo("REFERRER_ATTESTATION"));
    }

    @Test
    void theOtherBarsExamplesAndTheImperfectOnesAreRefusedClearlyAndWriteNothing() {
        long before = referralCount();

        // the published 111 message as it is: arrays sent as objects, and an NHS number failing its check
        process("RB111", FhirConformance.barsExample("hist_POST-111ToEDServiceRequest.json")).then().statusCode(400)
                .contentType(containsString(FHIR))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItems("Bundle.entry[14].resource.basedOn",
                        "Bundle.entry[20].resource.basedOn", "Bundle.entry[15].resource.note"))
                .body("issue[0].diagnostics", containsString("must be a JSON array"));

        // the 999 message as it is: well formed, but its NHS number fails the check digit
        Response nhs = process("RB999", FhirConformance.barsExample("hist_POST-999ToCASServiceRequest.json"));
        nhs.then().statusCode(200)
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.resourceType", equalTo("OperationOutcome"))
                .body("entry[0].resource.response.details.reference", equalTo(nhs.path("entry[1].fullUrl")))
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.entry[3].resource.identifier[0].value"))
                .body("entry[1].resource.issue[0].diagnostics", containsString("NHS number"));
        FhirConformance.assertValidR4(bundle(nhs));

        // a booking, and a validation response: not referral requests
        process("RB999", FhirConformance.barsExample("process_message_request_Booking_POST.json")).then()
                .statusCode(200)
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.entry[0].resource.event"))
                .body("entry[1].resource.issue[0].diagnostics", containsString("booking-request"));
        process("RB999", FhirConformance.barsExample("process_message_request_ValidationResponse_POST.json")).then()
                .statusCode(200)
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.entry[0].resource.event"))
                .body("entry[1].resource.issue[0].diagnostics", containsString("servicerequest-response"));
        // a validation request carries the referral event, but its definition says it is not a referral
        process("RB999", FhirConformance.barsExample("process_message_request_ValidationRequest_POST.json")).then()
                .statusCode(200)
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.entry[0].resource.definition"))
                .body("entry[1].resource.issue[0].diagnostics",
                        containsString("bars-message-servicerequest-request-validation"));

        assertEquals(before, referralCount(), "a refused message writes nothing");
    }

    @Test
    void aMessageAlongsideCannotTakeGetsAFatalErrorNamingThePathAndWritesNothing() {
        long before = referralCount();
        String sample = message(UUID.randomUUID().toString());

        Response unsupported = process("B82001", sample.replace("\"code\": \"servicerequest-request\"",
                "\"code\": \"booking-request\""));
        unsupported.then().statusCode(200)
                .body("entry[0].resource.response.identifier", equalTo("0d1a7c7e-3b1f-4d1c-9c1b-4a2f1e7b8c01"))
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.issue[0].code", equalTo("not-supported"))
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.entry[0].resource.event"));
        FhirConformance.assertValidR4(bundle(unsupported));

        process("B82001", sample.replaceAll(",\\s*\"focus\": \\[[^]]*]", "")).then().statusCode(200)
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.entry[0].resource.focus"));
        process("B82001", sample.replace("\"focus\": [ { \"reference\": \"urn:uuid:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c02\" } ]",
                "\"focus\": [ { \"reference\": \"urn:uuid:00000000-0000-4000-8000-000000000000\" } ]")).then()
                .statusCode(200)
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.entry[0].resource.focus[0]"));

        Response invalid = process("B82001", sample.replace("9434765919", "9434765918")
                .replace("\"birthDate\": \"1958-07-14\",", ""));
        invalid.then().statusCode(200)
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.issue.expression.flatten()", hasItems(
                        "Bundle.entry[2].resource.identifier[0].value", "Bundle.entry[2].resource.birthDate"));
        FhirConformance.assertValidR4(bundle(invalid));

        process("B82001", "{\"resourceType\": \"Bundle\", \"id\": \"" + UUID.randomUUID() + "\", \"type\": "
                + "\"message\", \"entry\": [ { \"fullUrl\": \"urn:uuid:" + UUID.randomUUID() + "\", \"resource\": "
                + "{ \"resourceType\": \"Patient\" } } ] }")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource"));

        given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001"))).contentType(FHIR).body(sample)
                .queryParam("async", "true").post("/fhir/$process-message").then().statusCode(400)
                .body("issue[0].code", equalTo("not-supported"));

        assertEquals(before, referralCount(), "a refused message writes nothing");
    }

    @Test
    void aBundleIdUsedAgainForAnotherMessageIsRefusedAndTheSameMessageFromAnotherSenderIsItsOwn() {
        String bundleId = UUID.randomUUID().toString();
        process("B82001", message(bundleId)).then().statusCode(200).body("entry[0].resource.response.code",
                equalTo("ok"));
        long before = referralCount();
        process("B82001", message(bundleId).replace("0d1a7c7e-3b1f-4d1c-9c1b-4a2f1e7b8c01",
                "0d1a7c7e-3b1f-4d1c-9c1b-4a2f1e7b8c99")).then().statusCode(200)
                .body("entry[0].resource.response.code", equalTo("fatal-error"))
                .body("entry[1].resource.issue[0].code", equalTo("duplicate"))
                .body("entry[1].resource.issue[0].expression[0]", equalTo("Bundle.id"));
        assertEquals(before, referralCount());

        // a message's identity is its sender's: another sender's message with that id is new
        processAs(Tokens.as("coordinator"), message(bundleId)).then().statusCode(200)
                .body("entry[0].resource.response.code", equalTo("ok"))
                .body("entry", hasSize(3));
        assertEquals(before + 1, referralCount());
    }

    @Test
    void twoCopiesOfAMessageSentAtOnceMakeOneReferralAndGetTheSameResponse() {
        // no ServiceRequest.identifier: only the message's own identity tells the copies apart from new referrals
        String copy = message(UUID.randomUUID().toString()).replace("\"identifier\": [ { \"system\": "
                + "\"https://gp.example.nhs.uk/Id/referral\", \"value\": \"REF-2026-000417\" } ],", "");
        long before = referralCount();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> process("B82001", copy));
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> process("B82001", copy));
        Response one = first.join();
        Response other = second.join();
        one.then().statusCode(200).body("entry[0].resource.response.code", equalTo("ok"));
        other.then().statusCode(200).body("entry[0].resource.response.code", equalTo("ok"));
        assertEquals(one.path("id").toString(), other.path("id").toString());
        assertEquals(one.path("entry[1].resource.id").toString(), other.path("entry[1].resource.id").toString());
        assertEquals(before + 1, referralCount());
    }
}
