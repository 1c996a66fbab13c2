package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.FhirIntakeTest.FHIR;
import static org.alongside.referral.FhirIntakeTest.message;
import static org.alongside.referral.FhirIntakeTest.sample;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.platform.testing.Tokens;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * Every kind of FHIR resource Alongside emits, taken from the running service, validates with HAPI's
 * FhirInstanceValidator with no error: against base R4, and against UK Core for those that declare its profiles
 * (ServiceRequest with its contained Patient and Conditions, Task, MessageHeader, Bundle, OperationOutcome).
 */
@QuarkusTest
class FhirValidationTest {

    private static RequestSpecification referrer() {
        return given().header("Authorization", Tokens.bearer(Tokens.referrer("B82001")));
    }

    private static IBaseResource resource(Response response) {
        String type = response.contentType();
        return (type.contains("xml") ? FhirConformance.FHIR.newXmlParser() : FhirConformance.FHIR.newJsonParser())
                .parseResource(response.asString());
    }

    @Test
    void everyResourceAlongsideEmitsIsValidR4AndUkCore() {
        List<IBaseResource> emitted = new ArrayList<>();
        emitted.add(resource(given().get("/fhir/metadata").then().statusCode(200).extract().response()));

        String unique = UUID.randomUUID().toString();
        Response created = referrer().contentType(FHIR).body(sample("service-request-contained.json")
                .replace("SR-555", unique)).post("/fhir/ServiceRequest").then().statusCode(201).extract().response();
        String id = created.path("id");
        emitted.add(resource(created));
        emitted.add(resource(referrer().accept("application/fhir+xml").get("/fhir/ServiceRequest/" + id)));
        given().header("Authorization", Tokens.bearer(Tokens.as("coordinator"))).contentType("application/json")
                .body(Map.of("reason", "NOT_ELIGIBLE")).post("/referrals/" + id + "/decline").then().statusCode(200);
        emitted.add(resource(referrer().get("/fhir/Task?focus=ServiceRequest/" + id)));

        emitted.add(resource(referrer().contentType(FHIR).body(sample("transaction-bundle.json")
                .replace("TX-88120", unique)).post("/fhir").then().statusCode(200).extract().response()));
        String bundleId = UUID.randomUUID().toString();
        emitted.add(resource(referrer().contentType(FHIR).body(message(bundleId)).post("/fhir/$process-message")
                .then().statusCode(200).extract().response()));
        emitted.add(resource(referrer().contentType(FHIR).body(message(UUID.randomUUID().toString())
                .replace("9434765919", "9434765918")).post("/fhir/$process-message").then().statusCode(200)
                .extract().response()));

        // OperationOutcomes: invalid input at its path, and each HTTP refusal
        emitted.add(resource(referrer().contentType(FHIR).body(sample("transaction-bundle.json")
                .replace("9434765919", "9434765918")).post("/fhir")));
        emitted.add(resource(given().get("/fhir/Task?focus=ServiceRequest/" + id)));
        emitted.add(resource(referrer().get("/fhir/Nothing")));
        emitted.add(resource(referrer().delete("/fhir/metadata")));
        emitted.add(resource(referrer().accept("text/html").get("/fhir/metadata")));
        emitted.add(resource(referrer().contentType("text/plain").body("x").post("/fhir")));

        for (IBaseResource resource : emitted) {
            FhirConformance.assertValidR4(resource);
        }
        FhirConformance.assumeShared();
        for (IBaseResource resource : emitted) {
            FhirConformance.assertValidUkCore(resource);
        }
    }
}
