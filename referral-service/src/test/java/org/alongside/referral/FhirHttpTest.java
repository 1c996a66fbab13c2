package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.FhirIntakeTest.FHIR;
import static org.alongside.referral.FhirIntakeTest.sample;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.alongside.platform.testing.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** HTTP under /fhir as FHIR clients expect it: JSON or XML as asked, and every error an OperationOutcome. */
@QuarkusTest
class FhirHttpTest {

    private static final String XML = "application/fhir+xml";

    private static RequestSpecification referrer() {
        return given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001")));
    }

    /** The answer is an OperationOutcome in the format asked for, with the status and issue code expected. */
    private static void assertOutcome(Response response, int status, String code, boolean xml) {
        response.then().statusCode(status).contentType(startsWith(xml ? XML : FHIR));
        OperationOutcome outcome = (OperationOutcome) (xml ? FhirConformance.FHIR.newXmlParser()
                : FhirConformance.FHIR.newJsonParser()).parseResource(response.asString());
        assertEquals(code, outcome.getIssueFirstRep().getCode().toCode(), response.asString());
        assertEquals(OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
        FhirConformance.assertValidR4(outcome);
    }

    @Test
    void everyErrorUnderFhirIsAnOperationOutcome() {
        String transaction = sample("transaction-bundle.json");
        assertOutcome(given().contentType(FHIR).body(transaction).post("/fhir"), 401, "login", false);
        assertOutcome(given().header("Authorization", Tokens.bearer(Tokens.expired("admin")))
                .get("/fhir/Task?focus=ServiceRequest/x"), 401, "login", false);
        assertOutcome(given().header("Authorization", Tokens.bearer(Tokens.wronglySigned("admin")))
                .get("/fhir/ServiceRequest/3f1c2b1e-0000-4000-8000-000000000000"), 401, "login", false);
        assertOutcome(given().header("Authorization", Tokens.bearer(Tokens.as("commissioner"))).contentType(FHIR)
                .body(transaction).post("/fhir"), 403, "forbidden", false);
        assertOutcome(referrer().get("/fhir/Patient/1"), 404, "not-found", false);
        assertOutcome(referrer().get("/fhir/ServiceRequest/3f1c2b1e-0000-4000-8000-000000000000"), 404,
                "not-found", false);
        assertOutcome(referrer().delete("/fhir/metadata"), 405, "not-supported", false);
        assertOutcome(referrer().accept("text/html").get("/fhir/metadata"), 406, "not-supported", false);
        assertOutcome(referrer().get("/fhir/metadata?_format=html"), 406, "not-supported", false);
        assertOutcome(referrer().contentType("text/plain").body("hello").post("/fhir"), 415, "not-supported",
                false);
        assertOutcome(referrer().contentType(FHIR).body("{\"resourceType\":\"Bundle\",\"type\":\"transaction\","
                + "\"entry\":[],\"id\":\"" + "x".repeat(1_100_000) + "\"}").post("/fhir"), 413, "too-costly", false);
        // in the format the client asked for
        assertOutcome(referrer().accept(XML).get("/fhir/Patient/1"), 404, "not-found", true);
        assertOutcome(referrer().accept(XML).contentType(XML).body("<Bundle xmlns=\"http://hl7.org/fhir\">"
                + "<type value=\"transaction\"/><favouriteColour value=\"blue\"/></Bundle>").post("/fhir"), 400,
                "structure", true);
    }

    @Test
    void aResourceIsSentWholeWithItsLength() {
        // HAPI's encoder flushes after every value: written straight to the response, each flush became a chunk
        for (String format : new String[] {FHIR, XML}) {
            Response answer = referrer().accept(format).get("/fhir/metadata");
            answer.then().statusCode(200).contentType(startsWith(format));
            assertEquals(null, answer.header("Transfer-Encoding"), format);
            assertEquals(String.valueOf(answer.asByteArray().length), answer.header("Content-Length"), format);
        }
    }

    @Test
    void xmlAndJsonInAndOutAsTheClientAsks() {
        referrer().accept(XML).get("/fhir/metadata").then().statusCode(200).contentType(startsWith(XML))
                .body(containsString("<CapabilityStatement xmlns=\"http://hl7.org/fhir\""));
        referrer().get("/fhir/metadata?_format=xml").then().statusCode(200).contentType(startsWith(XML));
        referrer().accept("application/xml").get("/fhir/metadata").then().statusCode(200)
                .contentType(startsWith(XML));
        referrer().accept("application/json").get("/fhir/metadata").then().statusCode(200)
                .contentType(startsWith(FHIR));
        referrer().accept(XML).get("/fhir/metadata?_format=json").then().statusCode(200)
                .contentType(startsWith(FHIR));
        given().get("/fhir/metadata").then().statusCode(200).contentType(startsWith(FHIR));

        // a transaction in XML, answered in XML
        Bundle transaction = FhirConformance.FHIR.newJsonParser().parseResource(Bundle.class,
                sample("transaction-bundle.json").replace("TX-88120", "TX-XML-1"));
        String xml = FhirConformance.FHIR.newXmlParser().encodeResourceToString(transaction);
        Response response = referrer().contentType(XML).accept(XML).body(xml).post("/fhir");
        response.then().statusCode(200).contentType(startsWith(XML));
        Bundle answer = FhirConformance.FHIR.newXmlParser().parseResource(Bundle.class, response.asString());
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, answer.getType());
        assertEquals("201 Created", answer.getEntryFirstRep().getResponse().getStatus());
        FhirConformance.assertValidR4(answer);

        // the plain JSON media type is FHIR JSON too
        referrer().contentType("application/json").body(sample("transaction-bundle.json").replace("TX-88120",
                "TX-JSON-1")).post("/fhir").then().statusCode(200).contentType(startsWith(FHIR))
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[0].response.location", not(startsWith("http")));
    }
}
