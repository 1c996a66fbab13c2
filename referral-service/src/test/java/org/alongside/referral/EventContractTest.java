package org.alongside.referral;

import static io.restassured.RestAssured.given;
import static org.alongside.referral.ReferralTestSupport.as;
import static org.alongside.referral.ReferralTestSupport.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alongside.platform.events.EventEnvelope;
import org.alongside.platform.events.Topics;
import org.alongside.platform.testing.EventContracts;
import org.alongside.platform.testing.EventProbe;
import org.alongside.platform.testing.KafkaBroker;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The events as an integrator reads them with standard tools: the official CloudEvents SDK's Kafka deserializer reads
 * each record (by its structured-mode content-type header), its dataschema is served here as a JSON Schema whose $id it
 * is, the data validates against it, and the AsyncAPI document is valid AsyncAPI 3.0 and the repository's copy.
 */
@QuarkusTest
class EventContractTest {

    @Test
    void everyEventReadsWithTheCloudEventsSdkAndKeepsToTheSchemaItsDataschemaNames() {
        String declined = as("coordinator").body(referral("943 476 5919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").body(Map.of("reason", "NOT_ELIGIBLE")).post("/referrals/" + declined + "/decline").then()
                .statusCode(200);
        String accepted = as("coordinator").body(referral("943 476 5919")).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("coordinator").post("/referrals/" + accepted + "/accept").then().statusCode(200);

        List<String> problems = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        try (EventProbe probe = new EventProbe(KafkaBroker.shared().bootstrapServers(), Topics.REFERRALS)) {
            probe.await(EventProbe.ofType("referral.accepted", accepted), Duration.ofSeconds(60));
            for (EventProbe.SdkRead read : probe.readWithSdk(Duration.ofMillis(500))) {
                if (!Set.of(declined, accepted).contains(read.record().key())) {
                    continue;
                }
                Header contentType = read.record().headers().lastHeader(EventEnvelope.KAFKA_CONTENT_TYPE_HEADER);
                assertNotNull(contentType, read.where() + " has no content-type header");
                assertEquals(EventEnvelope.KAFKA_CONTENT_TYPE, new String(contentType.value(), StandardCharsets.UTF_8));
                CloudEvent event = read.event();
                assertNotNull(event, read.where() + ": the SDK could not read it: " + read.failure());
                types.add(event.getType());
                // the test port is not the configured one: ask this service for the dataschema's path
                URI dataschema = event.getDataSchema();
                String schema = given().get(dataschema.getPath()).then().statusCode(200)
                        .contentType("application/schema+json").extract().asString();
                assertEquals(dataschema.toString(), JsonPath.from(schema).getString("$id"));
                String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
                assertTrue(!data.contains(":null"), event.getType() + " writes null: " + data);
                EventContracts.violations(schema, data).forEach(v -> problems.add(event.getType() + " " + v));
            }
        }
        assertEquals(Set.of("referral.received", "referral.declined", "referral.accepted"), types);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theAsyncApiDocumentIsValidAndTheRepositoryKeepsIt() {
        String served = given().get("/events/asyncapi.json").then().statusCode(200).extract().asString();
        EventContracts.assertAsyncApiDocument("referral-service", served);
    }

    @Test
    void onlyWhatThisServicePublishesHasASchemaHere() {
        given().get("/events/schemas/match.accepted/1").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/events/schemas/referral.accepted/99").then().statusCode(404);
        JsonPath envelope = given().get("/events/schemas/envelope").then().statusCode(200).extract().jsonPath();
        assertTrue(envelope.getList("properties.type.enum").contains("referral.accepted"));
    }
}
